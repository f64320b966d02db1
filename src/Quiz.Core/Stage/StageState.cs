using Quiz.Contracts;

namespace Quiz.Core.Stage;

/// <summary>
/// The stage's live state, stored beside the room and changed only by <see cref="StageMachine"/> under a version
/// compare-and-set. Per question: the turn, the buzzes, who tried; per segment: the order, who is out, the winner.
/// </summary>
public sealed record StageState
{
    /// <summary>Goes up with every change; a change applies only to the version it was decided on.</summary>
    public long Version { get; init; }

    public IReadOnlyList<TeamStanding> Teams { get; init; } = [];

    public int Seq { get; init; } = -1;

    public int Round { get; init; } = -1;

    public string Phase { get; init; } = StagePhases.Idle;

    /// <summary>The team holding the right to answer (or to wager).</summary>
    public int? Turn { get; init; }

    /// <summary>The member of <see cref="Turn"/> who answers, when a required round rotates by member.</summary>
    public int? Member { get; init; }

    public long ArmedAtMs { get; init; }

    public long WindowEndsAtMs { get; init; }

    /// <summary>When the buzz is decided: the first valid buzz's stamp plus the settle window.</summary>
    public long DecideAtMs { get; init; }

    /// <summary>Valid buzzes of the current arming, in the order they reached the store.</summary>
    public IReadOnlyList<BuzzMark> Buzzes { get; init; } = [];

    /// <summary>Teams that already answered this question (a rebound goes to the others).</summary>
    public IReadOnlyList<int> Tried { get; init; } = [];

    /// <summary>Teams penalised for an early buzz on this question (one penalty per question, however often pressed).</summary>
    public IReadOnlyList<int> EarlyTeams { get; init; } = [];

    public bool Rebounded { get; init; }

    /// <summary>The stake named in a wager round (0: passed).</summary>
    public int? Wager { get; init; }

    /// <summary>Wager rounds: the order of play by standing; tie-breaks: the tied teams.</summary>
    public IReadOnlyList<int> Order { get; init; } = [];

    /// <summary>The last team that had a turn in an elimination round (the next turn goes to the next one still in).</summary>
    public int Cursor { get; init; } = -1;

    /// <summary>Rapid-fire: the end of the current team's clock.</summary>
    public long TurnEndsAtMs { get; init; }

    /// <summary>The team that won the segment (the last one standing, or the tie-break's winner).</summary>
    public int? Winner { get; init; }

    /// <summary>Every score correction of the contest, oldest first (also in the contest log), so every console lists them.</summary>
    public IReadOnlyList<StageCorrection> Corrections { get; init; } = [];

    public static StageState Initial(StageSetup setup) =>
        new() { Teams = [.. setup.Teams.Select(t => new TeamStanding(t.Name, setup.BaseScore, 0, 0, false))] };
}

/// <summary>A team's score; early buzzes count over the whole contest, strikes and out only within the segment.</summary>
public sealed record TeamStanding(string Name, int Score, int EarlyBuzzes, int Strikes, bool Out);

/// <summary>A buzz as the server received it: microseconds since the epoch on the receiving node's (NTP-synced) clock.</summary>
public sealed record BuzzMark(int Team, long AtUs);

/// <summary>What a stage move produced: the new state, and what happened in a word (logged, and told to a buzzer).</summary>
public sealed record StageStep(StageState State, string Outcome, int Delta = 0)
{
    /// <summary>Nothing to store: the state is the one the move was applied to.</summary>
    public bool Unchanged { get; init; }

    /// <summary>The stored state the move was applied to (set once the change is stored), for the audit log.</summary>
    public StageState? Before { get; init; }
}

/// <summary>A stage move as the machine takes it; <see cref="AtUs"/> is the server's receive stamp of a buzz.</summary>
public sealed record StageMove(string Kind, int? Team = null, int? Value = null, bool? Correct = null, string? Reason = null, long AtUs = 0, string? By = null);
