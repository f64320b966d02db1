using System.Security.Cryptography;
using System.Text;
using Quiz.Core.Banks;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>Scores an attempt from its saved answers. Pure: the clock and the store stay with the handler.</summary>
public static class AttemptScoring
{
    /// <summary>Answer vectors shorter than this are too common to say anything when two match.</summary>
    public const int MinAnswersForPattern = 5;

    public static AttemptResult Score(RoundSetup setup, Attempt attempt, AnswerSheet sheet, long submittedAtMs, bool automatic)
    {
        var round = setup.Round;
        var times = TimePerItem(attempt, sheet);
        var items = attempt.Items.Select((item, i) =>
        {
            var question = setup.ById[item.QuestionId];
            if (!sheet.Answers.TryGetValue(i, out var answer))
            {
                return new ItemOutcome(item.QuestionId, [], null, false, 0, 0, 0);
            }
            var grade = AnswerGrader.Grade(question, new Response(answer.Options, answer.Text), round.PartialCredit);
            // Rounded per item, as live answers are (Scoring): the total is then an exact sum of what each item shows.
            return new ItemOutcome(item.QuestionId, answer.Options, answer.Text, true, grade.Credit, Scoring.Hundredths((decimal)round.Points, grade) / 100.0, times[i]);
        }).ToList();
        var answered = items.Count(o => o.Answered);
        var correct = items.Count(o => o.Credit >= 1);
        return new AttemptResult(attempt.ParticipantId, items.Sum(o => (long)Math.Round(o.Points * 100)) / 100.0, attempt.Items.Count * round.Points,
            attempt.StartedAtMs, submittedAtMs, automatic, answered, correct,
            FastAnswers: items.Count(o => o.Answered && o.TimeMs < round.MinMsPerAnswer),
            Pattern: answered >= MinAnswersForPattern && correct < answered ? PatternOf(items) : null,
            items);
    }

    /// <summary>What the literacy assessment hears: points per first category segment.</summary>
    public static AttemptSubmitted Notification(RoundSetup setup, string contestId, AttemptResult result)
    {
        var score = new Dictionary<string, double>();
        var max = new Dictionary<string, double>();
        foreach (var item in result.Items)
        {
            var category = setup.ById[item.QuestionId].Category.Split('/')[0];
            score[category] = score.GetValueOrDefault(category) + item.Points;
            max[category] = max.GetValueOrDefault(category) + setup.Round.Points;
        }
        return new AttemptSubmitted(contestId, result.ParticipantId, result.Score, result.MaxScore, score, max,
            result.StartedAtMs, result.SubmittedAtMs, result.Automatic);
    }

    /// <summary>
    /// The server sees when each answer was first saved, not when a question was shown: an item's time is the gap
    /// since the previous first save (or the start). Good enough for calibration and for spotting impossible speed.
    /// </summary>
    private static long[] TimePerItem(Attempt attempt, AnswerSheet sheet)
    {
        var times = new long[attempt.Items.Count];
        var previous = attempt.StartedAtMs;
        foreach (var answer in sheet.Answers.Values.Where(a => a.Index < times.Length).OrderBy(a => a.FirstAtMs))
        {
            times[answer.Index] = Math.Max(0, answer.FirstAtMs - previous);
            previous = answer.FirstAtMs;
        }
        return times;
    }

    /// <summary>
    /// A hash of the whole answer vector keyed by question id (so it does not depend on the paper's order): equal hashes
    /// mean the same answers to the same questions, found by grouping instead of comparing every pair.
    /// All-right vectors are left out (everyone who knows everything answers alike).
    /// </summary>
    private static string PatternOf(IEnumerable<ItemOutcome> items)
    {
        var text = string.Join('\n', items.Where(o => o.Answered).OrderBy(o => o.QuestionId, StringComparer.Ordinal)
            .Select(o => $"{o.QuestionId}={string.Join(',', o.Options)}|{TextNormalizer.Normalize(o.Text)}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
