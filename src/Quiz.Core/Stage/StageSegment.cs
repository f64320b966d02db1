using Quiz.Core.Common;

namespace Quiz.Core.Stage;

/// <summary>The kinds of stage segment.</summary>
public enum SegmentKind
{
    /// <summary>必答: each question belongs to a team (or a member) in rotation.</summary>
    Required,

    /// <summary>抢答: the first valid buzz after the host opens the buzzer wins the right to answer.</summary>
    Buzz,

    /// <summary>风险: teams in order of standing stake one of the wager values (or pass); right adds it, wrong takes it.</summary>
    Wager,

    /// <summary>一站到底: teams answer in turn; a team is out after its lives are spent; the last one standing wins.</summary>
    Elimination,

    /// <summary>限时速答: each team answers a block of questions against its own clock.</summary>
    Rapid,

    /// <summary>加赛: sudden death among the teams tied at the top, by buzz; the first right answer decides.</summary>
    Tiebreak,
}

/// <summary>In which order of standing teams choose their stakes in a wager round.</summary>
public enum WagerOrder
{
    /// <summary>The leader first.</summary>
    HighestFirst,

    /// <summary>The last-placed team first (a chance to catch up; many contests' rule).</summary>
    LowestFirst,
}

/// <summary>Who a required question belongs to.</summary>
public enum Rotation
{
    Team,
    Member,
}

/// <summary>How one round is played on stage. Only the parameters of its kind matter; the rest keep their defaults.</summary>
public sealed record StageSegment
{
    public SegmentKind Kind { get; init; } = SegmentKind.Required;

    /// <summary>Points for a right answer (a wager round scores the stake instead).</summary>
    public int Points { get; init; } = 10;

    /// <summary>Points taken for a wrong answer; 0: none (必答's default).</summary>
    public int WrongDeduction { get; init; }

    public Rotation Rotation { get; init; } = Rotation.Team;

    /// <summary>Deducted for a team's 1st, 2nd, ... early buzz in the contest; the last value repeats.</summary>
    public IReadOnlyList<int> EarlyBuzzPenalties { get; init; } = [10, 20];

    /// <summary>Seconds the buzzer stays open; nobody by then: the question goes to the audience.</summary>
    public int BuzzWindowSeconds { get; init; } = 10;

    /// <summary>After a wrong answer, one 补答: the buzzer opens again for the teams that have not answered.</summary>
    public bool Rebound { get; init; } = true;

    public IReadOnlyList<int> WagerValues { get; init; } = [10, 20, 30];

    public WagerOrder WagerOrder { get; init; } = WagerOrder.HighestFirst;

    /// <summary>Wrong answers a team may give in an elimination round before it is out.</summary>
    public int Lives { get; init; } = 1;

    /// <summary>Rapid-fire: questions per team's turn, and the seconds on that team's clock.</summary>
    public int QuestionsPerTeam { get; init; } = 5;

    public int TeamSeconds { get; init; } = 60;

    public IEnumerable<FieldError> Validate(string field)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return FieldError.Of($"{field}.kind", StageReasons.Kind.With());
        }
        if (Points is < 0 or > 10_000 || WrongDeduction is < 0 or > 10_000)
        {
            yield return FieldError.Of($"{field}.points", StageReasons.Points.With());
        }
        if (EarlyBuzzPenalties is null || EarlyBuzzPenalties.Count > 10 || EarlyBuzzPenalties.Any(p => p is < 0 or > 10_000))
        {
            yield return FieldError.Of($"{field}.earlyBuzzPenalties", StageReasons.Penalties.With());
        }
        if (BuzzWindowSeconds is < 2 or > 300)
        {
            yield return FieldError.Of($"{field}.buzzWindowSeconds", StageReasons.Between.With(("min", 2), ("max", 300)));
        }
        if (WagerValues is null || WagerValues.Count is < 1 or > 10 || WagerValues.Any(v => v is < 1 or > 10_000) || WagerValues.Distinct().Count() != WagerValues.Count)
        {
            yield return FieldError.Of($"{field}.wagerValues", StageReasons.Wagers.With());
        }
        if (!Enum.IsDefined(WagerOrder))
        {
            yield return FieldError.Of($"{field}.wagerOrder", StageReasons.WagerOrder.With());
        }
        if (!Enum.IsDefined(Rotation))
        {
            yield return FieldError.Of($"{field}.rotation", StageReasons.Rotation.With());
        }
        if (Lives is < 1 or > 10)
        {
            yield return FieldError.Of($"{field}.lives", StageReasons.Between.With(("min", 1), ("max", 10)));
        }
        if (QuestionsPerTeam is < 1 or > 100 || TeamSeconds is < 5 or > 3600)
        {
            yield return FieldError.Of($"{field}.questionsPerTeam", StageReasons.Rapid.With());
        }
    }

    /// <summary>Whether the buzzer plays in this segment.</summary>
    public bool Buzzes => Kind is SegmentKind.Buzz or SegmentKind.Tiebreak;
}
