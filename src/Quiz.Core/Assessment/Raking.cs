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
        var n = respondents.Count;
        var weights = new double[n];
        var dimensions = ProfileCodes.Dimensions;
        // Codes as indices, so each pass is array arithmetic rather than dictionary lookups (a district may hold thousands).
        var cells = new int[dimensions.Count][];
        var population = new double[dimensions.Count][];
        for (var k = 0; k < dimensions.Count; k++)
        {
            var codes = ProfileCodes.CodesOf(dimensions[k]);
            population[k] = [.. codes.Select(c => margins.Of(dimensions[k], c))];
            cells[k] = new int[n];
        }
        for (var i = 0; i < n; i++)
        {
            var r = respondents[i];
            string[] codesOf = [r.AgeBand!, r.Sex!, r.Education!];
            weights[i] = 1;
            for (var k = 0; k < dimensions.Count; k++)
            {
                cells[k][i] = IndexOf(ProfileCodes.CodesOf(dimensions[k]), codesOf[k]);
                if (cells[k][i] < 0 || population[k][cells[k][i]] <= 0)
                {
                    weights[i] = 0;
                }
            }
        }
        var targets = new double[dimensions.Count][];
        for (var k = 0; k < dimensions.Count; k++)
        {
            targets[k] = Targets(population[k], cells[k], weights, margins.Population);
        }
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var worst = 0.0;
            for (var k = 0; k < dimensions.Count; k++)
            {
                var sums = new double[targets[k].Length];
                for (var i = 0; i < n; i++)
                {
                    sums[cells[k][i]] += weights[i];
                }
                for (var c = 0; c < sums.Length; c++)
                {
                    if (sums[c] > 0)
                    {
                        worst = Math.Max(worst, Math.Abs(sums[c] / targets[k][c] - 1));
                    }
                }
                for (var i = 0; i < n; i++)
                {
                    if (weights[i] > 0)
                    {
                        weights[i] *= targets[k][cells[k][i]] / sums[cells[k][i]];
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
    private static double[] Targets(double[] population, int[] cells, double[] weights, double districtPopulation)
    {
        var present = new bool[population.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            if (weights[i] > 0)
            {
                present[cells[i]] = true;
            }
        }
        var covered = population.Where((_, c) => present[c]).Sum();
        return [.. population.Select((p, c) => present[c] && covered > 0 ? p / covered * districtPopulation : 0)];
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (var c = 0; c < codes.Count; c++)
        {
            if (codes[c] == code)
            {
                return c;
            }
        }
        return -1;
    }
}
