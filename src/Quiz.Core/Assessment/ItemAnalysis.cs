using Quiz.Core.Banks;
using Quiz.Core.Rounds;

namespace Quiz.Core.Assessment;

/// <summary>One option of an item: its letter, text, whether it is the key, and how often it was chosen (for an ordering item: put in its right place).</summary>
public sealed record OptionFigure(string Label, string Text, bool Key, int Chosen);

/// <summary>
/// How one item of the pool worked: drawn on how many papers, answered on how many, its difficulty p (the mean share
/// of the item's points earned, a blank counting as none: with no partial credit, the share who got it right), its
/// discrimination (point-biserial: Pearson's r between the item's score and the respondent's rest score, the credit on
/// the other items of their paper), and the distractors. <see cref="Flagged"/>: discrimination below
/// <see cref="ItemAnalysis.FlagBelow"/>. <see cref="FewRespondents"/>: drawn fewer than
/// <see cref="ItemAnalysis.MinRespondents"/> times, so p and r are rough.
/// </summary>
public sealed record ItemFigure(
    string QuestionId,
    string? Key,
    string Stem,
    QuestionType Type,
    string Category,
    int Difficulty,
    string Answer,
    int Drawn,
    int Answered,
    double? P,
    double? Discrimination,
    bool Flagged,
    bool FewRespondents,
    IReadOnlyList<OptionFigure> Options,
    int Omitted);

/// <summary>The item analysis of an assessment for its organizer: every item of the pool, the caveat in both languages.</summary>
public sealed record ItemAnalysisReport(string ContestId, int Attempts, double FlagBelow, int MinRespondents, string Caveat, string CaveatEnglish,
    IReadOnlyList<ItemFigure> Items);

/// <summary>
/// Classical item analysis of an assessment's pool from the ended attempts: each respondent drew their own paper, so
/// each item's figures are over the respondents who drew it. The rest score leaves the item out, so an item does not
/// correlate with itself; papers are balanced (<see cref="PaperBalance"/>), so rest scores of different papers compare.
/// </summary>
public static class ItemAnalysis
{
    /// <summary>Items discriminating less than this are flagged for review (a common rule of thumb for classroom tests).</summary>
    public const double FlagBelow = 0.2;

    /// <summary>Below this many respondents an item's figures are marked rough.</summary>
    public const int MinRespondents = 30;

    public static ItemAnalysisReport Build(string contestId, IReadOnlyList<Question> pool, IReadOnlyList<AttemptResult> attempts)
    {
        var byQuestion = attempts.SelectMany(a =>
        {
            var total = a.Items.Sum(x => x.Answered ? x.Credit : 0);
            return a.Items.Select(i => (Outcome: i, Total: total));
        }).ToLookup(x => x.Outcome.QuestionId);
        var items = pool.Select(q =>
        {
            var drew = byQuestion[q.Id].ToList();
            var scores = drew.Select(d => d.Outcome.Answered ? d.Outcome.Credit : 0).ToList();
            var rest = drew.Select((d, i) => d.Total - scores[i]).ToList();
            double? p = drew.Count > 0 ? Math.Round(scores.Average(), 4) : null;
            var r = Pearson(scores, rest) is { } value ? Math.Round(value, 4) : (double?)null;
            var answered = drew.Where(d => d.Outcome.Answered).Select(d => d.Outcome).ToList();
            var chosen = QuestionStats.OptionCounts(q, answered);
            var options = q.Options.Select((text, o) => new OptionFigure(AnswerNotation.Letter(o).ToString(), text,
                q.Type != QuestionType.Ordering && q.Answer.Options.Contains(o), chosen[o])).ToList();
            return new ItemFigure(q.Id, q.Key, q.Stem, q.Type, q.Category, q.Difficulty, AnswerNotation.Format(q.Type, q.Answer),
                drew.Count, answered.Count, p, r, r < FlagBelow, drew.Count < MinRespondents, options, drew.Count - answered.Count);
        }).ToList();
        return new ItemAnalysisReport(contestId, attempts.Count, FlagBelow, MinRespondents, AssessmentDefaults.Caveat, AssessmentDefaults.CaveatEnglish, items);
    }

    /// <summary>Pearson's r, or null when either side does not vary (everyone right, or every rest score alike).</summary>
    public static double? Pearson(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        if (xs.Count < 2)
        {
            return null;
        }
        double mx = xs.Average(), my = ys.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < xs.Count; i++)
        {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
            syy += (ys[i] - my) * (ys[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }
}
