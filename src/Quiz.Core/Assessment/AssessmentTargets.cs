using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>The target shares an organizer may override: checked once here for both ways of making an assessment.</summary>
public static class AssessmentTargets
{
    public static IEnumerable<FieldError> Check(double? cityTarget, IReadOnlyDictionary<string, double>? targets)
    {
        if (cityTarget is { } city && city is <= 0 or >= 100)
        {
            yield return new FieldError("cityTarget", "is a percentage between 0 and 100");
        }
        foreach (var (district, target) in targets ?? new Dictionary<string, double>())
        {
            if (!ProfileCodes.IsDistrict(district))
            {
                yield return new FieldError($"targets.{district}", $"is not one of {string.Join("、", ProfileCodes.Districts)}");
            }
            else if (target is <= 0 or >= 100)
            {
                yield return new FieldError($"targets.{district}", "is a percentage between 0 and 100");
            }
        }
    }

    /// <summary>The plan's targets, with the city-average districts following <paramref name="city"/>, then the overrides.</summary>
    public static IReadOnlyDictionary<string, double> Resolve(double city, IReadOnlyDictionary<string, double>? overrides)
    {
        var targets = new Dictionary<string, double>(AssessmentDefaults.Targets);
        foreach (var district in AssessmentDefaults.AtCityAverage)
        {
            targets[district] = city;
        }
        foreach (var (district, target) in overrides ?? new Dictionary<string, double>())
        {
            targets[district] = target;
        }
        return targets;
    }
}
