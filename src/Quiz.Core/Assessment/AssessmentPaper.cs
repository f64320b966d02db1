using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Assessment;

/// <summary>
/// Whether an online round's paper is the assessment's: 100 points in all, split 40/20/20/20 over the four
/// dimensions. A rule counts under the first segment of its category (科学知识/物理 under 科学知识), so every rule
/// must name one of the four; otherwise its items could land in any dimension and the split would not hold.
/// </summary>
public static class AssessmentPaper
{
    public static IReadOnlyList<FieldError> Check(OnlineRound round)
    {
        var errors = new List<FieldError>();
        var points = AssessmentDefaults.Split.ToDictionary(s => s.Category, _ => 0.0);
        for (var i = 0; i < round.Blueprint.Count; i++)
        {
            var rule = round.Blueprint[i];
            var dimension = rule.Category?.Split('/')[0];
            if (dimension is null || !points.ContainsKey(dimension))
            {
                errors.Add(new FieldError($"blueprint[{i}].category",
                    $"'{rule.Category}' is not under one of {string.Join("、", AssessmentDefaults.Split.Select(s => s.Category))}"));
                continue;
            }
            points[dimension] += rule.Count * round.Points;
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        var wrong = AssessmentDefaults.Split.Where(s => Math.Abs(points[s.Category] - s.Points) > 1e-9).ToList();
        if (wrong.Count > 0)
        {
            errors.Add(new FieldError("blueprint",
                $"the paper gives {string.Join("、", AssessmentDefaults.Split.Select(s => $"{s.Category} {points[s.Category]:0.##}"))} points; "
                + $"an assessment gives {string.Join("、", AssessmentDefaults.Split.Select(s => $"{s.Category} {s.Points}"))} (100 in all)"));
        }
        return errors;
    }
}
