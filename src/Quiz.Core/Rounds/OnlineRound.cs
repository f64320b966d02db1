using Quiz.Core.Banks;

namespace Quiz.Core.Rounds;

/// <summary>
/// The setup of an online timed round (网络知识竞赛): everyone draws their own paper from the blueprint, inside the
/// window, once, within the time limit. Stored on <see cref="Contests.ContestDefinition.Online"/>; the contest's
/// question snapshot is the pool the papers are drawn from.
/// </summary>
public sealed record OnlineRound
{
    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required int TimeLimitSeconds { get; init; }

    public required string BankId { get; init; }

    public required IReadOnlyList<BlueprintRule> Blueprint { get; init; }

    /// <summary>Points for a fully right answer; partial credit earns its share.</summary>
    public double Points { get; init; } = 10;

    public PartialCredit PartialCredit { get; init; } = PartialCredit.None;

    public ResultsRelease Results { get; init; } = ResultsRelease.AtClose;

    /// <summary>Whether people not on a roster may register themselves (name, unit, district) and take the round.</summary>
    public bool SelfRegistration { get; init; }

    /// <summary>An answer given sooner than this after the previous one is counted as an impossible speed (a signal, not a verdict).</summary>
    public int MinMsPerAnswer { get; init; } = 1500;

    /// <summary>
    /// Whether the public boards (after release) show people's names in full. Off by default: rosters hold real
    /// names, so the public top list shows them masked (王*明); units and districts are shown either way.
    /// </summary>
    public bool PublicNames { get; init; }

    /// <summary>
    /// Whether each person may review their own paper (their answers, the key, the explanations) once results are
    /// released. Off by default, and never for a literacy assessment, whose items are reused.
    /// </summary>
    public bool Review { get; init; }

    /// <summary>Secret mixed into every paper seed, so nobody can predict another person's paper from the ids.</summary>
    public required string PaperSalt { get; init; }

    public int PaperSize => Blueprint.Sum(r => r.Count);

    public double MaxScore => PaperSize * Points;

    public long OpensAtMs => OpensAt.ToUnixTimeMilliseconds();

    public long ClosesAtMs => ClosesAt.ToUnixTimeMilliseconds();

    /// <summary>The earlier of start + limit and the window's close: the server submits the attempt then.</summary>
    public long DeadlineFor(long startedAtMs) => Math.Min(startedAtMs + TimeLimitSeconds * 1000L, ClosesAtMs);

    public bool Released(long nowMs) => Results == ResultsRelease.Immediately || nowMs >= ClosesAtMs;

    public string Status(long nowMs) => WindowStatus(nowMs, OpensAtMs, ClosesAtMs);

    /// <summary>upcoming, open or closed: where <paramref name="nowMs"/> falls in a window.</summary>
    public static string WindowStatus(long nowMs, long opensAtMs, long closesAtMs) => nowMs < opensAtMs ? "upcoming" : nowMs < closesAtMs ? "open" : "closed";
}

public enum ResultsRelease
{
    /// <summary>Scores and ranks are shown once the window has closed (fair: nobody learns the keys early).</summary>
    AtClose,

    /// <summary>Each person sees their score as soon as they submit; ranks move until the close.</summary>
    Immediately,
}
