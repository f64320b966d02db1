namespace Quiz.Core.Assessment;

/// <summary>
/// Turns recorded first attempts and profiles into the indicator. Who counts: every recorded respondent except those
/// whose profile puts them outside 18-69. Respondents without a profile (declined, or never asked) count in the raw
/// share of their join/roster district and the city, but carry no weight: the weighted share is over respondents
/// whose age, sex and education are known. A profile's district wins over the one from joining or the roster (it is
/// where the respondent says they live, which is what a district's target counts); a district outside the 13 counts
/// in the city only.
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
        var districts = new List<AreaFigure>();
        var byDistrict = counted.ToLookup(c => c.District);
        foreach (var district in ProfileCodes.Districts)
        {
            var members = byDistrict[district].ToList();
            var districtMargins = margins?.For(district);
            if (districtMargins is not null)
            {
                var weightable = members.Where(m => m.Profile?.Weightable == true).ToList();
                var w = Raking.Weights([.. weightable.Select(m => m.Profile!)], districtMargins);
                for (var i = 0; i < weightable.Count; i++)
                {
                    weights[weightable[i]] = w[i];
                }
            }
            districts.Add(Figure(district, setup.Targets.GetValueOrDefault(district, setup.CityTarget), members,
                districtMargins is null ? null : weights));
        }
        // The city is weighted only when every district has margins: otherwise its weighted share would be some districts'.
        var cityWeighted = margins is not null && ProfileCodes.Districts.All(d => margins.For(d) is not null);
        var city = Figure(City, setup.CityTarget, counted, cityWeighted ? weights : null);
        return new AssessmentReport(setup.ContestId, AssessmentDefaults.Caveat, AssessmentDefaults.CaveatEnglish, LiteracyTiers.Line,
            margins is not null, recorded, excluded, counted.Count(c => c.District is null), city, districts);
    }

    private static AreaFigure Figure(string area, double target, IReadOnlyList<Counted> members, Dictionary<Counted, double>? weights)
    {
        var n = members.Count;
        var weightable = members.Count(m => m.Profile?.Weightable == true);
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
