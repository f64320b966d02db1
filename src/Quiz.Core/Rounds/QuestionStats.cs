using Quiz.Core.Banks;

namespace Quiz.Core.Rounds;

/// <summary>
/// How one question of the pool fared, to calibrate difficulty for later papers: how often it was drawn and answered,
/// its correct rate, the mean time spent on it, and per option (by its original index) how often it was chosen; for an
/// ordering question, how often it was put in its right place (every item is "chosen" in an ordering).
/// </summary>
public sealed record QuestionStat(
    string QuestionId, string? Key, string Stem, QuestionType Type, string Category, int Difficulty,
    int Drawn, int Answered, int Correct, double CorrectRate, double MeanTimeMs, IReadOnlyList<string> Options, IReadOnlyList<int> OptionCounts);

public static class QuestionStats
{
    public static IReadOnlyList<QuestionStat> Build(RoundSetup setup, IEnumerable<AttemptResult> results)
    {
        var items = results.SelectMany(r => r.Items).ToLookup(i => i.QuestionId);
        return [.. setup.Pool.Select(q =>
        {
            var drawn = items[q.Id].ToList();
            var answered = drawn.Where(i => i.Answered).ToList();
            var counts = OptionCounts(q, answered);
            var correct = answered.Count(i => i.Credit >= 1);
            return new QuestionStat(q.Id, q.Key, q.Stem, q.Type, q.Category, q.Difficulty, drawn.Count, answered.Count, correct,
                answered.Count == 0 ? 0 : Math.Round((double)correct / answered.Count, 4),
                answered.Count == 0 ? 0 : Math.Round(answered.Average(i => (double)i.TimeMs), 1), q.Options, counts);
        })];
    }

    /// <summary>Choices: how often each option was picked. Ordering: how often each item was put in its right position.</summary>
    public static int[] OptionCounts(Question q, IEnumerable<ItemOutcome> answered)
    {
        var counts = new int[q.Options.Count];
        foreach (var item in answered)
        {
            for (var p = 0; p < item.Options.Count; p++)
            {
                var option = item.Options[p];
                var placed = q.Type != QuestionType.Ordering || (p < q.Answer.Options.Count && q.Answer.Options[p] == option);
                if (option >= 0 && option < counts.Length && placed)
                {
                    counts[option]++;
                }
            }
        }
        return counts;
    }
}
