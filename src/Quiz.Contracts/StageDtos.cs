namespace Quiz.Contracts;

/// <summary>Stage moves, sent with <see cref="HubMethods.Stage"/> by the host (all) or a judge (judge, correct).</summary>
public static class StageMoves
{
    /// <summary>Opens the buzzer (抢答开始); a buzz before this is early and penalised.</summary>
    public const string Arm = "arm";

    /// <summary>Marks the oral answer of the team holding the turn right or wrong.</summary>
    public const string Judge = "judge";

    /// <summary>The turn team's stake in a wager round (0 passes).</summary>
    public const string Wager = "wager";

    /// <summary>A manual score correction, with a reason; kept in the contest log.</summary>
    public const string Correct = "correct";

    /// <summary>Gives the answer to the earliest buzz now (the server does it by itself after the settle window).</summary>
    public const string Decide = "decide";

    /// <summary>Nobody buzzed in time: the question goes to the audience (the server does it when the window ends).</summary>
    public const string Expire = "expire";

    /// <summary>The stage follows the room to the question it opened (the server does it on start and next).</summary>
    public const string Enter = "enter";
}

/// <summary>Where the stage is within one question.</summary>
public static class StagePhases
{
    /// <summary>No stage play on this question (an audience-only round, or a tie-break that is not needed).</summary>
    public const string Idle = "idle";

    /// <summary>A buzz question is being read; the buzzer is not open yet.</summary>
    public const string Ready = "ready";

    /// <summary>The buzzer is open.</summary>
    public const string Armed = "armed";

    /// <summary>A team must name its stake (风险题).</summary>
    public const string Wagering = "wagering";

    /// <summary>A team holds the right to answer; a judge marks it.</summary>
    public const string Answering = "answering";

    /// <summary>Judged (or passed); nothing more happens on this question.</summary>
    public const string Done = "done";

    /// <summary>No team answers this one (nobody buzzed in time, or a team's time ran out): the audience plays it.</summary>
    public const string Audience = "audience";
}

/// <summary>Outcomes of <see cref="HubMethods.Buzz"/>.</summary>
public static class BuzzStatuses
{
    public const string Accepted = "accepted";
    public const string Early = "early";
    public const string Late = "late";
    public const string Duplicate = "duplicate";
    public const string NotEligible = "not_eligible";
}

public sealed record StageTeamView(int Index, string Name, IReadOnlyList<string> Members, int Score, int Rank, int EarlyBuzzes, bool Out);

/// <summary>One valid buzz of the current arming, stamped by the server that received it (microseconds since the epoch).</summary>
public sealed record BuzzView(int Team, long AtUs);

/// <summary>
/// The stage beside the room: the teams' scores and what is happening on this question. Never carries an answer key.
/// <see cref="Turn"/> is the team holding the right to answer (or to wager); <see cref="Buzzes"/> are in server-time order;
/// <see cref="DecideAtMs"/> is when the first buzz's settle window ends.
/// </summary>
public sealed record StageView(
    string ContestId,
    long Version,
    int Seq,
    int Round,
    string? Segment,
    string Phase,
    int? Turn,
    string? Member,
    IReadOnlyList<StageTeamView> Teams,
    IReadOnlyList<BuzzView> Buzzes,
    int? Wager,
    IReadOnlyList<int> WagerValues,
    IReadOnlyList<int> Order,
    int? Winner,
    long ArmedAtMs,
    long WindowEndsAtMs,
    long TurnEndsAtMs,
    long ServerTimeMs,
    long DecideAtMs = 0,
    IReadOnlyList<StageCorrection>? Corrections = null);

/// <summary>
/// A score correction as the stage keeps it: on question <see cref="Seq"/>, <see cref="Value"/> points (+/-) to
/// <see cref="Team"/>, why, by whom (<c>account:name</c>, or <c>host:…</c> for the host key) and when (server clock).
/// </summary>
public sealed record StageCorrection(int Seq, int Team, int Value, string Reason, string? By, long AtMs);

/// <summary>A stage move. <see cref="Team"/>: wager, correct; <see cref="Value"/>: the stake or the correction (+/-).</summary>
public sealed record StageRequest(string Move, int? Team = null, int? Value = null, bool? Correct = null, string? Reason = null);

/// <summary>A team's seat: the code a team's phone or buzzer device takes its seat with (issued to the host).</summary>
public sealed record StageSeat(int Team, string Name, string Code);

public sealed record SeatRequest(string ContestId, string Code);

/// <summary>What a team device learns on taking its seat.</summary>
public sealed record Seated(string ContestId, int Team, string Name, StageView Stage);

/// <summary>The server's receive stamp of a buzz and what became of it; the winner is announced in <see cref="StageView"/>.</summary>
public sealed record BuzzAck(string Status, long AtUs, int Penalty);
