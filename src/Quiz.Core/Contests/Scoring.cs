using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>
/// What one accepted answer is worth, and the streak it leaves. Points are whole hundredths, so sums are exact.
/// <see cref="ElapsedMs"/> is the answer time that counts, already clamped to the question's limit.
/// </summary>
public readonly record struct ScoredAnswer(long Hundredths, Grade Grade, int Streak, long ElapsedMs)
{
    public double Points => Hundredths / 100.0;

    public bool Correct => Grade.Correct;

    public double Credit => Grade.Credit;
}

/// <summary>An answer as the store holds it: the raw facts every score is computed from.</summary>
public sealed record AnswerFact(int Seq, Response Response, long ReceivedAtMs, long OpensAtMs);

/// <summary>One participant's answers scored in order, and the totals the boards hold.</summary>
public sealed record ParticipantScore(IReadOnlyList<(AnswerFact Fact, ScoredAnswer Score)> Answers, long Hundredths, long TimeMs)
{
    public double Points => Hundredths / 100.0;
}

/// <summary>
/// The scoring formula, the one place points are decided (docs/protocol.md, "Scoring", repeats it with a worked example):
/// <code>
/// elapsed = receivedAt − opensAt, clamped to [0, limit]                       server clock; a pause does not count
/// right or partly right: P × earned/of × (speedWeighted ? (2·limit − elapsed) / (2·limit) : 1)
///                        rounded to hundredths, half away from zero, computed exactly (decimal, no binary fractions)
///                        + (fully right ? StreakBonus × min(streak − 1, StreakCap) : 0)
/// wrong:                 −WrongPenalty
/// streak:                consecutive fully right answers including this one; a wrong, partial or missing answer ends it
/// </code>
/// Nodes score an answer on arrival with what they remember of the streak; the store accepts the score only if
/// what the node assumed (the opening, the last answer) is what it holds, so memory caches this, never decides it.
/// </summary>
public static class Scoring
{
    public static long ElapsedMs(RoundRules rules, long receivedAtMs, long opensAtMs) =>
        Math.Clamp(receivedAtMs - opensAtMs, 0, rules.TimeLimitSeconds * 1000L);

    /// <summary><paramref name="points"/> × earned/of in hundredths, half away from zero: an online round's item, a live answer without speed.</summary>
    public static long Hundredths(decimal points, Grade grade) =>
        grade.Earned <= 0 ? 0 : (long)Math.Round(100m * points * grade.Earned / grade.Of, MidpointRounding.AwayFromZero);

    public static ScoredAnswer Score(RoundRules rules, Grade grade, long elapsedMs, int streakBefore)
    {
        var limitMs = rules.TimeLimitSeconds * 1000L;
        var elapsed = Math.Clamp(elapsedMs, 0, limitMs);
        if (grade.Earned <= 0)
        {
            return new ScoredAnswer(-100L * rules.WrongPenalty, grade, 0, elapsed);
        }
        // Integers up to ~6e17 and one exact division: a true midpoint (x.xx5) is representable in decimal and
        // rounds away from zero, where binary doubles made 85.825 into 85.82.
        var numerator = 100m * rules.Points * grade.Earned * (rules.SpeedWeighted ? (2 * limitMs) - elapsed : 1);
        var denominator = (decimal)grade.Of * (rules.SpeedWeighted ? 2 * limitMs : 1);
        var hundredths = (long)Math.Round(numerator / denominator, MidpointRounding.AwayFromZero);
        var streak = grade.Correct ? streakBefore + 1 : 0;
        if (grade.Correct)
        {
            hundredths += 100L * rules.StreakBonus * Math.Min(streak - 1, rules.StreakCap);
        }
        return new ScoredAnswer(hundredths, grade, streak, elapsed);
    }

    /// <summary>One answer of a contest: graded against its question, timed from its opening, built on the streak before it.</summary>
    public static ScoredAnswer Score(ContestDefinition contest, AnswerFact answer, Progress before)
    {
        var entry = contest.Questions[answer.Seq];
        var rules = contest.Rounds[entry.Round].Rules;
        var grade = AnswerGrader.Grade(entry.Question, answer.Response, rules.PartialCredit);
        return Score(rules, grade, ElapsedMs(rules, answer.ReceivedAtMs, answer.OpensAtMs), before.StreakBefore(answer.Seq));
    }

    /// <summary>Every answer of one participant, in question order, and the totals: what the boards must hold.</summary>
    public static ParticipantScore Replay(ContestDefinition contest, IEnumerable<AnswerFact> answers)
    {
        var scored = new List<(AnswerFact, ScoredAnswer)>();
        var progress = Progress.None;
        long hundredths = 0, time = 0;
        foreach (var answer in answers.OrderBy(a => a.Seq))
        {
            var score = Score(contest, answer, progress);
            scored.Add((answer, score));
            progress = Progress.After(answer.Seq, score);
            hundredths += score.Hundredths;
            time += score.ElapsedMs;
        }
        return new ParticipantScore(scored, hundredths, time);
    }
}
