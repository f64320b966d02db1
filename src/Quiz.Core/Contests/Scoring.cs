using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>What one accepted answer is worth, and the streak it leaves.</summary>
public readonly record struct ScoredAnswer(double Points, bool Correct, double Credit, int Streak);

/// <summary>
/// The scoring formula (docs/protocol.md repeats it for participants):
/// <code>
/// right or partly right:  points = P × credit × (speedWeighted ? 1 − 0.5 × elapsed / limit : 1)
///                          + (fully right ? StreakBonus × min(streak − 1, StreakCap) : 0), rounded to 2 places
/// wrong:                  points = −WrongPenalty
/// no answer:              nothing; the streak ends
/// </code>
/// streak counts consecutive fully right answers including this one. elapsed is measured by the server, from the
/// question's opening to the answer's arrival, and clamped to [0, limit].
/// </summary>
public static class Scoring
{
    public static ScoredAnswer Score(RoundRules rules, Grade grade, long elapsedMs, int streakBefore)
    {
        var limitMs = rules.TimeLimitSeconds * 1000L;
        if (grade.Credit <= 0)
        {
            return new ScoredAnswer(-rules.WrongPenalty, false, 0, 0);
        }
        var speed = rules.SpeedWeighted ? 1 - (0.5 * Math.Clamp(elapsedMs, 0, limitMs) / limitMs) : 1;
        var points = rules.Points * grade.Credit * speed;
        var streak = grade.Correct ? streakBefore + 1 : 0;
        if (grade.Correct && rules.StreakBonus > 0)
        {
            points += rules.StreakBonus * Math.Min(streak - 1, rules.StreakCap);
        }
        return new ScoredAnswer(Math.Round(points, 2), grade.Correct, grade.Credit, streak);
    }
}
