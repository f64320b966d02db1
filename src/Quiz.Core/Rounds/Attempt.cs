using Quiz.Core.Banks;

namespace Quiz.Core.Rounds;

/// <summary>One person's attempt as stored when it starts: the paper (reproducible from the seed) and its deadline. Never changes.</summary>
public sealed record Attempt(string ParticipantId, long Seed, long StartedAtMs, long DeadlineMs, IReadOnlyList<PaperItem> Items);

/// <summary>An answer as saved: the last response given, when it was first and last saved (server clock).</summary>
public sealed record SavedAnswer(int Index, IReadOnlyList<int> Options, string? Text, long FirstAtMs, long AtMs);

/// <summary>The saved answers of an attempt and the counter that goes up with every save (a submit scores one version).</summary>
public sealed record AnswerSheet(IReadOnlyDictionary<int, SavedAnswer> Answers, long Version);

/// <summary>How one paper item ended: the response, its credit and the time spent on it.</summary>
public sealed record ItemOutcome(string QuestionId, IReadOnlyList<int> Options, string? Text, bool Answered, double Credit, double Points, long TimeMs);

/// <summary>An attempt that ended, scored. Stored once; the integrity fields are signals for the organizer, not verdicts.</summary>
public sealed record AttemptResult(
    string ParticipantId,
    double Score,
    double MaxScore,
    long StartedAtMs,
    long SubmittedAtMs,
    bool Automatic,
    int Answered,
    int Correct,
    int FastAnswers,
    string? Pattern,
    IReadOnlyList<ItemOutcome> Items)
{
    public long TimeUsedMs => SubmittedAtMs - StartedAtMs;
}

public enum SaveOutcome
{
    Saved,
    Late,
    Finished,
    NoAttempt,
}

public enum FinishOutcome
{
    Finished,
    AlreadyFinished,
    AnswersChanged,
}
