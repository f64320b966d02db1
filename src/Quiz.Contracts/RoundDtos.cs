namespace Quiz.Contracts;

/// <summary>
/// What anyone may know of an online round before entering: its window, limit and size, and whether it is a literacy
/// assessment (the page then offers the profile form). No questions.
/// </summary>
public sealed record RoundInfo(
    string ContestId,
    string Title,
    string Status,
    long OpensAtMs,
    long ClosesAtMs,
    int TimeLimitSeconds,
    int Questions,
    double MaxScore,
    bool SelfRegistration,
    string Results,
    long ServerNowMs,
    bool Assessment = false,
    bool Review = false);

/// <summary>
/// One's own paper after the results are released, in a round created with <c>review: true</c> (never an assessment):
/// each item as it was shown, what was answered, the points it earned, the key and the explanation.
/// </summary>
public sealed record AttemptReview(string ContestId, double Score, double MaxScore, IReadOnlyList<ReviewItem> Items);

/// <summary>
/// <see cref="Chosen"/>: the option ids answered (in order for ordering); <see cref="Key"/>: the right option ids (in
/// order for ordering) or, for fill-in, <see cref="Accepted"/>.
/// </summary>
public sealed record ReviewItem(int Index, string Type, string Stem, IReadOnlyList<OptionView> Options, string? ImageUrl, double Points,
    bool Answered, IReadOnlyList<int> Chosen, string? Text, double Earned, IReadOnlyList<int> Key, IReadOnlyList<string> Accepted, string? Explanation);

/// <summary>A self-registered participant's token: kept by the page, sent as X-Participant-Token.</summary>
public sealed record RoundRegistration(string ParticipantId, string Token);

/// <summary>
/// One person's attempt as their page draws it: the paper in their order (options shuffled, ids are the original
/// option indices, no keys), what is saved, and the deadline with the server's now so the page counts down from
/// the server's clock. <see cref="Result"/> once the attempt has ended.
/// </summary>
public sealed record AttemptView(
    string ContestId,
    string ParticipantId,
    string Name,
    string Status,
    long StartedAtMs,
    long DeadlineMs,
    long ServerNowMs,
    IReadOnlyList<PaperQuestion> Items,
    IReadOnlyList<SavedAnswerView> Answers,
    AttemptResultView? Result);

public sealed record PaperQuestion(int Index, string Type, string Stem, IReadOnlyList<OptionView> Options, string? ImageUrl, double Points);

public sealed record SavedAnswerView(int Index, IReadOnlyList<int> Options, string? Text, long SavedAtMs);

/// <summary>A response to one paper item: option ids (chosen, or in order for ordering), or text for fill-in.</summary>
public sealed record AnswerInput(IReadOnlyList<int>? Options, string? Text);

public sealed record AnswerSavedView(int Index, long SavedAtMs, long DeadlineMs, long ServerNowMs);

/// <summary>How an attempt ended; score and rank only once the round's results are released.</summary>
public sealed record AttemptResultView(
    bool Released,
    bool Automatic,
    long SubmittedAtMs,
    long TimeUsedMs,
    double? Score,
    double MaxScore,
    int? Rank,
    int? Of);

/// <summary>Focus loss and tab switches the page saw; recorded for the organizer, never a verdict.</summary>
public sealed record SignalInput(string Kind);
