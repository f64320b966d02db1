namespace Quiz.Core.Assessment;

/// <summary>
/// Raking (iterative proportional fitting): weights that make the respondents' age, sex and education margins match
/// the population's, one dimension at a time until all three hold. Chosen over cell weighting (post-stratification)
/// because organizers have one-way margins from the census, and a full age x sex x education table of 40 cells would
/// leave most cells of a district's few hundred volunteers empty. A code with people but no respondents cannot be
/// matched; its share is spread over the other codes of that dimension (the dimension is rescaled to the district's
/// population), which is what collapsing an empty cell does. Respondents in a code of 0 people get weight 0.
/// Weights sum to the district's population, so districts add up to the city.
/// </summary>
public static class Raking
{
    public const int MaxPasses = 200;
    public const double Tolerance = 1e-9;

    /// <summary>One weight per respondent, in order.</summary>
    public static double[] Weights(IReadOnlyList<RespondentProfile> respondents, DistrictMargins margins)
    {
        var weights = new double[respondents.Count];
        if (respondents.Count == 0)
        {
            return weights;
        }
        var cells = respondents.Select(r => new[] { r.AgeBand!, r.Sex!, r.Education! }).ToArray();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = ProfileCodes.Dimensions.Select((d, k) => margins.Of(d, cells[i][k])).All(p => p > 0) ? 1 : 0;
        }
        var targets = ProfileCodes.Dimensions.Select((d, k) => Targets(d, k, cells, weights, margins)).ToArray();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var worst = 0.0;
            for (var k = 0; k < targets.Length; k++)
            {
                var sums = Sums(k, cells, weights);
                foreach (var (code, sum) in sums)
                {
                    worst = Math.Max(worst, Math.Abs(sum / targets[k][code] - 1));
                }
                for (var i = 0; i < weights.Length; i++)
                {
                    if (weights[i] > 0)
                    {
                        weights[i] *= targets[k][cells[i][k]] / sums[cells[i][k]];
                    }
                }
            }
            if (worst < Tolerance)
            {
                break;
            }
        }
        return weights;
    }

    /// <summary>The population of each code that has respondents, rescaled so the dimension sums to the district's population.</summary>
    private static Dictionary<string, double> Targets(string dimension, int k, string[][] cells, double[] weights, DistrictMargins margins)
    {
        var present = cells.Where((_, i) => weights[i] > 0).Select(c => c[k]).Distinct().ToList();
        var covered = present.Sum(code => margins.Of(dimension, code));
        return present.ToDictionary(code => code, code => covered > 0 ? margins.Of(dimension, code) / covered * margins.Population : 0);
    }

    private static Dictionary<string, double> Sums(int k, string[][] cells, double[] weights)
    {
        var sums = new Dictionary<string, double>();
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                sums[cells[i][k]] = sums.GetValueOrDefault(cells[i][k]) + weights[i];
            }
        }
        return sums;
    }
}
