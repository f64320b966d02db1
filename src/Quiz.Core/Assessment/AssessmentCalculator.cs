using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>
/// Turns recorded first attempts and profiles into the indicator. Who counts: every recorded respondent except those
/// whose profile puts them outside 18-69. Respondents without a profile (declined, or never asked) count in the raw
/// share of their join/roster district and the city, but carry no weight: the weighted share is over respondents
/// whose codes of every dimension the district's margins give are known. A profile's district wins over the one from
/// joining or the roster (it is where the respondent says they live, which is what a district's target counts); a
/// district outside the 13 counts in the city only.
/// </summary>
public static class AssessmentCalculator
{
    public const string City = "全市";

    private sealed record Counted(AssessmentResult Result, RespondentProfile? Profile, string? District);

    public static AssessmentReport Compute(AssessmentSetup setup, IEnumerable<AssessmentResult> results,
        IReadOnlyDictionary<string, RespondentProfile> profiles, PopulationMargins? margins)
    {
        var recorded = 0;
        var excluded = 0;
        var counted = new List<Counted>();
        foreach (var result in results)
        {
            recorded++;
            var profile = profiles.GetValueOrDefault(result.ParticipantId);
            if (profile?.OutsideAgeRange == true)
            {
                excluded++;
                continue;
            }
            var district = profile?.District ?? result.JoinDistrict;
            counted.Add(new Counted(result, profile, ProfileCodes.IsDistrict(district) ? district : null));
        }

        var weights = new Dictionary<Counted, double>(ReferenceEqualityComparer.Instance!);
        var covers = new List<string>();
        var districts = new List<AreaFigure>();
        var byDistrict = counted.ToLookup(c => c.District);
        foreach (var district in ProfileCodes.Districts)
        {
            var members = byDistrict[district].ToList();
            var target = setup.Targets.GetValueOrDefault(district, setup.CityTarget);
            if (margins?.For(district) is not { } districtMargins)
            {
                districts.Add(Figure(district, target, members, members.Count(m => m.Profile?.WeightableFor(ProfileCodes.Dimensions) == true), null));
                continue;
            }
            var weightable = members.Where(m => m.Profile?.WeightableFor(districtMargins.Dimensions) == true).ToList();
            var weighting = Raking.Weigh([.. weightable.Select(m => m.Profile!)], districtMargins);
            var how = new WeightingFigure(districtMargins.Dimensions, districtMargins.Population, weighting.Sweeps, weighting.WorstError,
                weighting.TrimCap, weighting.Trimmed, weighting.EffectiveNUntrimmed, weighting.Note);
            if (weighting.Problem is { } problem)
            {
                districts.Add(Withheld(district, target, members.Count, weightable.Count, problem, how));
                continue;
            }
            for (var i = 0; i < weightable.Count; i++)
            {
                weights[weightable[i]] = weighting.Weights[i];
            }
            if (weighting.Weights.Any(w => w > 0))
            {
                covers.Add(district);
            }
            districts.Add(Figure(district, target, members, weightable.Count, weights) with { Weighting = how });
        }
        return new AssessmentReport(setup.ContestId, AssessmentDefaults.Caveat, AssessmentDefaults.CaveatEnglish, LiteracyTiers.Line,
            margins is not null, recorded, excluded, counted.Count(c => c.District is null), CityFigure(setup, counted, margins, weights, covers), districts);
    }

    /// <summary>
    /// Raw over every counted respondent. Weighted (with margins) over the districts whose weights could be made, which
    /// it names; unless that is all 13 it is not the whole city and gets no verdict against the city target.
    /// </summary>
    private static AreaFigure CityFigure(AssessmentSetup setup, IReadOnlyList<Counted> counted, PopulationMargins? margins,
        Dictionary<Counted, double> weights, IReadOnlyList<string> covers)
    {
        if (margins is null)
        {
            return Figure(City, setup.CityTarget, counted, counted.Count(m => m.Profile?.WeightableFor(ProfileCodes.Dimensions) == true), null);
        }
        var city = Figure(City, setup.CityTarget, counted, weights.Count(w => w.Value > 0), weights) with { Covers = covers };
        if (covers.Count == ProfileCodes.Districts.Count)
        {
            return city;
        }
        var missing = ProfileCodes.Districts.Except(covers);
        return city with { Verdict = null, Status = AssessmentReasons.CityPartial.With(("covered", covers.Count), ("missing", string.Join("、", missing))) };
    }

    /// <summary>A district whose margins cannot be met: its count and why, no share, interval or verdict.</summary>
    private static AreaFigure Withheld(string area, double target, int respondents, int weightable, Reason problem, WeightingFigure how) =>
        new(area, target, respondents, weightable, null, null, 0, false, false, null, null, null, problem, how);

    private static AreaFigure Figure(string area, double target, IReadOnlyList<Counted> members, int weightable, Dictionary<Counted, double>? weights)
    {
        var n = members.Count;
        ShareInterval? raw = n > 0 ? ShareInterval.Wilson(members.Count(At), n) : null;
        ShareInterval? weighted = null;
        var effectiveN = (double)n;
        if (weights is not null)
        {
            var carried = members.Where(m => weights.GetValueOrDefault(m) > 0).ToList();
            var total = carried.Sum(m => weights[m]);
            effectiveN = SampleRules.KishEffectiveN(carried.Select(m => weights[m]));
            if (total > 0)
            {
                weighted = ShareInterval.Wilson(carried.Where(At).Sum(m => weights[m]) / total, effectiveN);
            }
        }
        if (SampleRules.Suppressed(effectiveN))
        {
            return new AreaFigure(area, target, n, weightable, null, null, effectiveN, true, false, null, null, null);
        }
        var verdict = Verdict.Of((weighted ?? raw)!, target / 100);
        var counts = members.CountBy(m => m.Result.Tier).ToDictionary();
        var tiers = LiteracyTiers.Cuts.ToDictionary(c => c.Tier, c => counts.GetValueOrDefault(c.Tier));
        return new AreaFigure(area, target, n, weightable, ShareFigure.Of(raw!), weighted is null ? null : ShareFigure.Of(weighted),
            effectiveN, false, SampleRules.Flagged(effectiveN), verdict, tiers, DimensionMeans(members));
    }

    private static Dictionary<string, double> DimensionMeans(IReadOnlyList<Counted> members) =>
        AssessmentDefaults.Split.Select(s => s.Category)
            .Select(d => (d, scores: members.Select(m => m.Result.DimensionScores100.TryGetValue(d, out var v) ? v : (double?)null).OfType<double>().ToList()))
            .Where(x => x.scores.Count > 0)
            .ToDictionary(x => x.d, x => Math.Round(x.scores.Average(), 1));

    private static bool At(Counted c) => LiteracyTiers.AtLine(c.Result.Score100);
}
