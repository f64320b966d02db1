using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>When the big screen and phones see the leaderboard.</summary>
public enum BoardTiming
{
    AfterEachQuestion,
    BetweenRounds,
}

/// <summary>How one round is played and scored. Data, not code: templates are made of these.</summary>
public sealed record RoundRules
{
    public int TimeLimitSeconds { get; init; } = 20;

    /// <summary>Points for a fully right answer (before speed weighting and streak bonus).</summary>
    public int Points { get; init; } = 100;

    /// <summary>On: a right answer earns from 100% (instant) down to 50% (at the close) of its points. See <see cref="Scoring"/>.</summary>
    public bool SpeedWeighted { get; init; }

    /// <summary>Extra points per consecutive right answer beyond the first; 0 turns streaks off.</summary>
    public int StreakBonus { get; init; }

    /// <summary>The most streak steps that earn a bonus.</summary>
    public int StreakCap { get; init; } = 5;

    /// <summary>Points taken for a wrong answer (not for no answer); 0 means no negative marking.</summary>
    public int WrongPenalty { get; init; }

    public PartialCredit PartialCredit { get; init; } = PartialCredit.None;

    public BoardTiming Board { get; init; } = BoardTiming.AfterEachQuestion;

    public bool LateJoin { get; init; } = true;

    public IEnumerable<FieldError> Validate(string field)
    {
        if (TimeLimitSeconds is < 3 or > 3600)
        {
            yield return new FieldError($"{field}.timeLimitSeconds", "must be between 3 and 3600 seconds");
        }
        if (Points is < 0 or > 100_000)
        {
            yield return new FieldError($"{field}.points", "must be between 0 and 100000");
        }
        if (StreakBonus is < 0 or > 10_000 || StreakCap is < 0 or > 100)
        {
            yield return new FieldError($"{field}.streakBonus", "streak bonus must be 0-10000 and its cap 0-100");
        }
        if (WrongPenalty is < 0 or > 100_000)
        {
            yield return new FieldError($"{field}.wrongPenalty", "must be between 0 and 100000 (a positive number of points to deduct)");
        }
        // Enums arrive as names or numbers; a number that names nothing would be stored and played as nothing.
        if (!Enum.IsDefined(PartialCredit))
        {
            yield return new FieldError($"{field}.partialCredit", "is None or Proportional");
        }
        if (!Enum.IsDefined(Board))
        {
            yield return new FieldError($"{field}.board", "is AfterEachQuestion or BetweenRounds");
        }
    }
}
