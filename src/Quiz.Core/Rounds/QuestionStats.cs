using Quiz.Core.Banks;

namespace Quiz.Core.Rounds;

/// <summary>
/// How one question of the pool fared, to calibrate difficulty for later papers: how often it was drawn and answered,
/// its correct rate, the mean time spent on it, and how often each option was chosen (by the option's original index).
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
            var counts = new int[q.Options.Count];
            // For ordering questions the first option placed is what a calibrator wants to see; choices count every pick.
            foreach (var option in answered.SelectMany(i => q.Type == QuestionType.Ordering ? i.Options.Take(1) : i.Options).Where(o => o < counts.Length))
            {
                counts[option]++;
            }
            var correct = answered.Count(i => i.Credit >= 1);
            return new QuestionStat(q.Id, q.Key, q.Stem, q.Type, q.Category, q.Difficulty, drawn.Count, answered.Count, correct,
                answered.Count == 0 ? 0 : Math.Round((double)correct / answered.Count, 4),
                answered.Count == 0 ? 0 : Math.Round(answered.Average(i => (double)i.TimeMs), 1), q.Options, counts);
        })];
    }
}
