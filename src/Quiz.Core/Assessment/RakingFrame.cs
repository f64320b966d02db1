namespace Quiz.Core.Assessment;

/// <summary>
/// One district's raking problem as arrays. Respondents with the same codes in every dimension always carry the same
/// weight (raking multiplies by code, from equal weights), so they are one group: a district of thousands rakes as a
/// few dozen groups. For each dimension: the code index of every group and the target of every code (its population
/// scaled to the district's population, the sex total); which groups can carry a weight at all (those in a code of 0
/// people cannot: they are outside the population the margins describe).
/// </summary>
internal sealed class RakingFrame
{
    public RakingFrame(IReadOnlyList<RespondentProfile> respondents, DistrictMargins margins)
    {
        Dimensions = margins.Dimensions;
        Population = margins.Population;
        var codes = Dimensions.Select(ProfileCodes.CodesOf).ToArray();
        Targets = new double[Dimensions.Count][];
        for (var k = 0; k < Dimensions.Count; k++)
        {
            var people = codes[k].Select(c => margins.Of(Dimensions[k], c)).ToArray();
            var total = people.Sum();
            Targets[k] = [.. people.Select(p => total > 0 ? p / total * Population : 0)];
        }
        var groups = new Dictionary<int, int>();
        var cells = new List<int[]>();
        var counts = new List<int>();
        GroupOf = new int[respondents.Count];
        for (var i = 0; i < respondents.Count; i++)
        {
            var cell = new int[Dimensions.Count];
            var key = 0;
            for (var k = 0; k < Dimensions.Count; k++)
            {
                cell[k] = IndexOf(codes[k], respondents[i].CodeOf(Dimensions[k]));
                key = key * 8 + cell[k] + 1; // at most 5 codes (and -1 for none) a dimension: 3 bits each
            }
            if (!groups.TryGetValue(key, out var g))
            {
                groups[key] = g = cells.Count;
                cells.Add(cell);
                counts.Add(0);
            }
            counts[g]++;
            GroupOf[i] = g;
        }
        Count = [.. counts];
        Cells = new int[Dimensions.Count][];
        for (var k = 0; k < Dimensions.Count; k++)
        {
            Cells[k] = [.. cells.Select(c => Math.Max(c[k], 0))];
        }
        Eligible = [.. cells.Select(c => c.Select((code, k) => code >= 0 && Targets[k][code] > 0).All(ok => ok))];
        EligibleCount = Count.Where((_, g) => Eligible[g]).Sum();
    }

    public IReadOnlyList<string> Dimensions { get; }

    public double Population { get; }

    /// <summary>GroupOf[i]: the group of respondent i.</summary>
    public int[] GroupOf { get; }

    /// <summary>Count[g]: how many respondents group g holds.</summary>
    public int[] Count { get; }

    /// <summary>Cells[k][g]: the code index of group g in dimension k.</summary>
    public int[][] Cells { get; }

    /// <summary>Targets[k][c]: the weight code c of dimension k must carry.</summary>
    public double[][] Targets { get; }

    public bool[] Eligible { get; }

    /// <summary>Respondents (not groups) who can carry a weight.</summary>
    public int EligibleCount { get; }

    public int Groups => Count.Length;

    /// <summary>The code of dimension <paramref name="k"/> at index <paramref name="c"/>.</summary>
    public string CodeAt(int k, int c) => ProfileCodes.CodesOf(Dimensions[k])[c];

    /// <summary>A code's share of the district's people, in percent.</summary>
    public double Share(int k, int c) => Targets[k][c] / Population * 100;

    /// <summary>The weight each code of dimension <paramref name="k"/> carries, given each group's weight per respondent.</summary>
    public double[] Sums(int k, double[] weights)
    {
        var sums = new double[Targets[k].Length];
        for (var g = 0; g < weights.Length; g++)
        {
            sums[Cells[k][g]] += weights[g] * Count[g];
        }
        return sums;
    }

    /// <summary>One weight per respondent, in the order given, from one weight per group.</summary>
    public double[] PerRespondent(double[] weights) => [.. GroupOf.Select(g => weights[g])];

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
