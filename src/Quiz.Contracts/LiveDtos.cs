namespace Quiz.Contracts;

/// <summary>Room statuses as clients see them.</summary>
public static class RoomStatuses
{
    public const string Lobby = "lobby";
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Revealed = "revealed";
    public const string Board = "board";
    public const string Ended = "ended";
}

/// <summary>Host moves, sent with <see cref="HubMethods.Control"/>.</summary>
public static class HostMoves
{
    public const string Start = "start";
    public const string Next = "next";
    public const string Close = "close";
    public const string Reveal = "reveal";
    public const string Board = "board";
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string End = "end";
}

public sealed record ServerTime(long ClientTimeMs, long ServerTimeMs);

public sealed record RoomState(
    string ContestId,
    string Title,
    string Status,
    int Seq,
    int QuestionCount,
    int Round,
    bool Paused,
    long OpensAtMs,
    long ClosesAtMs,
    long RemainingMs,
    long ServerTimeMs,
    int Participants);

public sealed record OptionView(int Id, string Text);

/// <summary>A question as participants see it: options in display order, each with its id; no key.</summary>
public sealed record QuestionView(
    string ContestId,
    int Seq,
    int Round,
    string Type,
    string Stem,
    IReadOnlyList<OptionView> Options,
    string? ImageUrl,
    int Points,
    long OpensAtMs,
    long ClosesAtMs,
    long ServerTimeMs,
    string KeyHash);

/// <summary>A question closed at <see cref="ServerTimeMs"/>; <see cref="Answers"/> were stored by then.</summary>
public sealed record QuestionClosed(string ContestId, int Seq, int Answers, long ServerTimeMs);

public sealed record AnswerReveal(
    string ContestId,
    int Seq,
    IReadOnlyList<int> Options,
    IReadOnlyList<string> Accepted,
    string Salt,
    string KeyHash,
    string Explanation,
    IReadOnlyDictionary<string, int> Distribution,
    int Answers,
    int Correct);

public sealed record BoardEntry(int Rank, string Id, string Name, double Score, long TimeMs);

public sealed record GroupEntry(int Rank, string Name, int Participants, double Total, double MeanPerHead);

public sealed record Leaderboard(
    string ContestId,
    int Seq,
    int Participants,
    IReadOnlyList<BoardEntry> Persons,
    IReadOnlyList<GroupEntry> Teams,
    IReadOnlyList<GroupEntry> Units,
    IReadOnlyList<GroupEntry> Districts);

public sealed record Standing(
    string ContestId,
    int Seq,
    string ParticipantId,
    double Score,
    int Rank,
    int Participants,
    int Streak,
    bool? LastCorrect,
    double LastPoints,
    int? TeamRank,
    int? UnitRank,
    int? DistrictRank);

public sealed record AnswerCount(string ContestId, int Seq, int Answers, int Participants);

public sealed record JoinRequest(string Code, string Nickname, string? Team = null, string? Unit = null, string? District = null);

public sealed record RejoinRequest(string ContestId, string Token);

/// <summary>What a participant learns on (re)joining: who it is, and everything it needs to carry on.</summary>
public sealed record Joined(string ContestId, string ParticipantId, string Token, string Nickname, RoomSnapshot Room);

public sealed record RoomSnapshot(RoomState State, QuestionView? Question, Standing? Standing, bool Answered);

public sealed record AnswerRequest(string AnswerId, int Seq, IReadOnlyList<int>? Options = null, string? Text = null);

/// <summary>Statuses of <see cref="AnswerAck"/>.</summary>
public static class AckStatuses
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Late = "late";
    public const string Invalid = "invalid";
}

/// <summary>Sent only after the answer is stored. Points and correctness are withheld until the reveal.</summary>
public sealed record AnswerAck(string AnswerId, int Seq, string Status, string? Reason, long ReceivedAtMs);

public sealed record HostRoomRequest(string ContestId, string HostKey);

public sealed record ControlRequest(string Move);

/// <summary>What the host console gets on taking a room: the code to show and the room.</summary>
public sealed record HostSession(string JoinCode, RoomSnapshot Room);

/// <summary>Whether the node that holds this connection reaches its store, as of <see cref="AtMs"/> (server clock).</summary>
public sealed record StoreStatus(bool Available, long AtMs);

/// <summary>
/// A question's key and explanation for the host and judges before the reveal (<c>GetKey</c>): a judge marks an oral
/// answer while the question is still open. <see cref="Options"/> are option ids (in order for ordering questions);
/// <see cref="Accepted"/> the texts a fill-in accepts.
/// </summary>
public sealed record QuestionKey(string ContestId, int Seq, IReadOnlyList<int> Options, IReadOnlyList<string> Accepted, string Explanation);
