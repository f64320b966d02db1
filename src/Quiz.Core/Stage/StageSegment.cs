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

    /// <summary>Wrong answers a team may give in an elimination round before it is out.</summary>
    public int Lives { get; init; } = 1;

    /// <summary>Rapid-fire: questions per team's turn, and the seconds on that team's clock.</summary>
    public int QuestionsPerTeam { get; init; } = 5;

    public int TeamSeconds { get; init; } = 60;

    public IEnumerable<FieldError> Validate(string field)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new FieldError($"{field}.kind", "must be Required, Buzz, Wager, Elimination, Rapid or Tiebreak");
        }
        if (Points is < 0 or > 10_000 || WrongDeduction is < 0 or > 10_000)
        {
            yield return new FieldError($"{field}.points", "points and wrongDeduction must be between 0 and 10000");
        }
        if (EarlyBuzzPenalties is null || EarlyBuzzPenalties.Count > 10 || EarlyBuzzPenalties.Any(p => p is < 0 or > 10_000))
        {
            yield return new FieldError($"{field}.earlyBuzzPenalties", "up to 10 values, each 0-10000");
        }
        if (BuzzWindowSeconds is < 2 or > 300)
        {
            yield return new FieldError($"{field}.buzzWindowSeconds", "must be between 2 and 300");
        }
        if (WagerValues is null || WagerValues.Count is < 1 or > 10 || WagerValues.Any(v => v is < 1 or > 10_000) || WagerValues.Distinct().Count() != WagerValues.Count)
        {
            yield return new FieldError($"{field}.wagerValues", "1 to 10 different values, each 1-10000");
        }
        if (Lives is < 1 or > 10)
        {
            yield return new FieldError($"{field}.lives", "must be between 1 and 10");
        }
        if (QuestionsPerTeam is < 1 or > 100 || TeamSeconds is < 5 or > 3600)
        {
            yield return new FieldError($"{field}.questionsPerTeam", "1-100 questions per team, 5-3600 seconds per team");
        }
    }

    /// <summary>Whether the buzzer plays in this segment.</summary>
    public bool Buzzes => Kind is SegmentKind.Buzz or SegmentKind.Tiebreak;
}
