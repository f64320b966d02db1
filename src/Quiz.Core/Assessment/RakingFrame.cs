namespace Quiz.Core.Assessment;

/// <summary>
/// One district's raking problem as arrays: for each dimension the code index of every respondent and the target of
/// every code (its population scaled to the district's population, the sex total), and which respondents can carry
/// a weight at all (those in a code of 0 people cannot: they are outside the population the margins describe).
/// </summary>
internal sealed class RakingFrame
{
    public RakingFrame(IReadOnlyList<RespondentProfile> respondents, DistrictMargins margins)
    {
        Dimensions = margins.Dimensions;
        Population = margins.Population;
        var n = respondents.Count;
        Cells = new int[Dimensions.Count][];
        Targets = new double[Dimensions.Count][];
        Eligible = new bool[n];
        Array.Fill(Eligible, true);
        for (var k = 0; k < Dimensions.Count; k++)
        {
            var codes = ProfileCodes.CodesOf(Dimensions[k]);
            var people = codes.Select(c => margins.Of(Dimensions[k], c)).ToArray();
            var total = people.Sum();
            Targets[k] = [.. people.Select(p => total > 0 ? p / total * Population : 0)];
            Cells[k] = new int[n];
            for (var i = 0; i < n; i++)
            {
                var c = IndexOf(codes, respondents[i].CodeOf(Dimensions[k]));
                Cells[k][i] = Math.Max(c, 0);
                if (c < 0 || Targets[k][c] <= 0)
                {
                    Eligible[i] = false;
                }
            }
        }
        EligibleCount = Eligible.Count(e => e);
    }

    public IReadOnlyList<string> Dimensions { get; }

    public double Population { get; }

    /// <summary>Cells[k][i]: the code index of respondent i in dimension k.</summary>
    public int[][] Cells { get; }

    /// <summary>Targets[k][c]: the weight code c of dimension k must carry.</summary>
    public double[][] Targets { get; }

    public bool[] Eligible { get; }

    public int EligibleCount { get; }

    public int Count => Eligible.Length;

    /// <summary>The code of dimension <paramref name="k"/> at index <paramref name="c"/>.</summary>
    public string CodeAt(int k, int c) => ProfileCodes.CodesOf(Dimensions[k])[c];

    /// <summary>A code's share of the district's people, in percent.</summary>
    public double Share(int k, int c) => Targets[k][c] / Population * 100;

    /// <summary>The sums of the weights per code of dimension <paramref name="k"/>.</summary>
    public double[] Sums(int k, double[] weights)
    {
        var sums = new double[Targets[k].Length];
        for (var i = 0; i < weights.Length; i++)
        {
            sums[Cells[k][i]] += weights[i];
        }
        return sums;
    }

    private static int IndexOf(IReadOnlyList<string> codes, string? code)
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
