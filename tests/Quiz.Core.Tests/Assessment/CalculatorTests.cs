using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

public sealed class CalculatorTests
{
    private static readonly AssessmentSetup Setup = new("c1", "b1", AssessmentDefaults.Blueprint, 2, 22, AssessmentDefaults.Targets, 0);

    private static IEnumerable<AssessmentResult> People(string prefix, string district, int count, int atLine) =>
        Enumerable.Range(0, count).Select(i => Result($"{prefix}{i}", i < atLine ? 80 : 50, district));

    private static AssessmentResult Result(string id, double score, string? district) =>
        new(id, score, LiteracyTiers.Of(score), new Dictionary<string, double>(), district, 0, false);

    [Fact]
    public void A_district_with_few_respondents_is_suppressed_and_the_rest_are_judged_against_their_targets()
    {
        // 西湖区 500 with 150 at the line: 30%, Wilson [26.1, 34.2] excludes 25: above. 淳安县 40: 样本不足.
        // 萧山区 200 with 44: 22%, [16.8, 28.2] holds 22: cannot tell, and 200 < 400: flagged.
        var results = People("x", "西湖区", 500, 150).Concat(People("c", "淳安县", 40, 30)).Concat(People("s", "萧山区", 200, 44));
        var report = AssessmentCalculator.Compute(Setup, results, new Dictionary<string, RespondentProfile>(), null);

        var xihu = report.Districts.Single(d => d.Area == "西湖区");
        Assert.Equal((500, false, false, Verdict.Above), (xihu.Respondents, xihu.Suppressed, xihu.Flagged, xihu.Verdict));
        Assert.Equal(30, xihu.Raw!.Share, 9);
        Assert.Equal(0.261, xihu.Raw.Low / 100, 3);
        Assert.Null(xihu.Weighted); // no margins: raw only

        var chunan = report.Districts.Single(d => d.Area == "淳安县");
        Assert.Equal((40, true), (chunan.Respondents, chunan.Suppressed));
        Assert.Null(chunan.Raw);
        Assert.Null(chunan.Verdict);
        Assert.Null(chunan.Tiers);

        var xiaoshan = report.Districts.Single(d => d.Area == "萧山区");
        Assert.Equal((true, Verdict.CannotTell), (xiaoshan.Flagged, xiaoshan.Verdict));
        Assert.Equal(22, xiaoshan.Target);

        Assert.Equal(740, report.City.Respondents);
        Assert.Equal(AssessmentDefaults.Caveat, report.Caveat);
        Assert.Equal(13, report.Districts.Count);
    }

    [Fact]
    public void Ages_outside_18_to_69_are_excluded_and_the_profile_district_wins()
    {
        var results = new[] { Result("a", 90, "西湖区"), Result("b", 90, "西湖区"), Result("c", 40, "不存在区") };
        var profiles = new Dictionary<string, RespondentProfile>
        {
            ["a"] = new("70-plus", "male", "college", null, 0),
            ["b"] = new("30-39", "female", "senior", "滨江区", 0),
        };
        var report = AssessmentCalculator.Compute(Setup, results, profiles, null);
        Assert.Equal((3, 1, 1), (report.Recorded, report.ExcludedByAge, report.WithoutDistrict));
        Assert.Equal(0, report.Districts.Single(d => d.Area == "西湖区").Respondents);
        Assert.Equal(1, report.Districts.Single(d => d.Area == "滨江区").Respondents);
        Assert.Equal(2, report.City.Respondents); // the one outside the 13 districts counts city-wide
    }

    [Fact]
    public void With_margins_the_weighted_share_uses_only_profiled_respondents_and_the_effective_sample_size()
    {
        // 西湖区: 300 men (120 at the line), 100 women (60 at the line), all 30-39 college; 50 more declined a profile.
        // Population men 100,000 / women 100,000: men weigh 100000/300, women 100000/100.
        // Weighted share = (120·333.3 + 60·1000) / 200000 = 0.5; n_eff = 200000² / (300·333.3² + 100·1000²) = 4e10 / 1.3333e8 = 300.
        var results = People("m", "西湖区", 300, 120).Concat(People("f", "西湖区", 100, 60)).Concat(People("d", "西湖区", 50, 0)).ToList();
        var profiles = results.Where(r => !r.ParticipantId.StartsWith('d'))
            .ToDictionary(r => r.ParticipantId, r => new RespondentProfile("30-39", r.ParticipantId.StartsWith('m') ? "male" : "female", "college", null, 0));
        var margins = new PopulationMargins(new Dictionary<string, DistrictMargins>
        {
            ["西湖区"] = RakingTests.Margins(new() { ["30-39"] = 200_000 }, new() { ["male"] = 100_000, ["female"] = 100_000 }, new() { ["college"] = 200_000 }),
        }, 0);
        var report = AssessmentCalculator.Compute(Setup, results, profiles, margins);
        var xihu = report.Districts.Single(d => d.Area == "西湖区");
        Assert.Equal((450, 400), (xihu.Respondents, xihu.Weightable));
        Assert.Equal(180.0 / 450 * 100, xihu.Raw!.Share, 9); // the raw share counts the decliners
        Assert.Equal(50, xihu.Weighted!.Share, 9);
        Assert.Equal(300, xihu.EffectiveN, 6);
        Assert.Equal(300, xihu.Weighted.N, 6);
        Assert.True(xihu.Flagged);
        Assert.Equal(ShareInterval.Wilson(0.5, 300).Low * 100, xihu.Weighted.Low, 6);
        Assert.Equal(Verdict.Above, xihu.Verdict); // [44.4, 55.6] excludes 25
        // The city's weighted figure is 西湖区's alone: it says so, and is not judged against the city's target.
        Assert.Equal(["西湖区"], report.City.Covers);
        Assert.Equal(50, report.City.Weighted!.Share, 9);
        Assert.Null(report.City.Verdict);
        Assert.Equal("city.partial", report.City.Status!.Code);
        Assert.Equal("1", report.City.Status.Args["covered"]);
        Assert.Null(report.Districts.Single(d => d.Area == "滨江区").Weighted);
    }

    [Fact]
    public void Margins_make_a_district_of_few_profiled_respondents_suppressed_though_its_raw_count_is_large()
    {
        var results = People("x", "西湖区", 300, 100).ToList();
        var profiles = results.Take(50).ToDictionary(r => r.ParticipantId, _ => new RespondentProfile("18-29", "male", "college", null, 0));
        var margins = new PopulationMargins(new Dictionary<string, DistrictMargins>
        {
            ["西湖区"] = RakingTests.Margins(new() { ["18-29"] = 10 }, new() { ["male"] = 10 }, new() { ["college"] = 10 }),
        }, 0);
        var xihu = AssessmentCalculator.Compute(Setup, results, profiles, margins).Districts.Single(d => d.Area == "西湖区");
        Assert.Equal((300, 50.0, true), (xihu.Respondents, Math.Round(xihu.EffectiveN, 9), xihu.Suppressed));
    }

    [Fact]
    public void The_city_is_weighted_by_district_population_and_is_the_whole_city_only_when_every_district_is_in_it()
    {
        // Every district (population 1000, 淳安县 3000) has 200 respondents, all alike (18-29, male, college), so each
        // district's weights are equal: 5 a head, 15 in 淳安县. 西湖区 has 100 at the line, 淳安县 20, the others 40.
        // City weighted = (1000·0.5 + 3000·0.1 + 11·1000·0.2) / 15000 = 3000 / 15000 = 0.2;
        // n_eff = 15000² / (12·200·25 + 200·225) = 2.25e8 / 105000 = 2142.857.
        var results = ProfileCodes.Districts.SelectMany(d => People(d, d, 200, d == "西湖区" ? 100 : d == "淳安县" ? 20 : 40)).ToList();
        var profiles = results.ToDictionary(r => r.ParticipantId, _ => new RespondentProfile("18-29", "male", "college", null, 0));
        DistrictMargins Of(double people) => RakingTests.Margins(new() { ["18-29"] = people }, new() { ["male"] = people }, new() { ["college"] = people });
        var all = ProfileCodes.Districts.ToDictionary(d => d, d => Of(d == "淳安县" ? 3000 : 1000));

        var city = AssessmentCalculator.Compute(Setup, results, profiles, new PopulationMargins(all, 0)).City;
        Assert.Equal(20, city.Weighted!.Share, 9);
        Assert.Equal(2.25e8 / 105000, city.EffectiveN, 6);
        Assert.Equal(100.0 * (100 + 20 + 11 * 40) / 2600, city.Raw!.Share, 9);
        Assert.Equal(ProfileCodes.Districts, city.Covers);
        Assert.Null(city.Status);
        Assert.Equal(Verdict.Below, city.Verdict); // Wilson on n_eff 2142.9: [18.4, 21.8], below 22
    }

    [Fact]
    public void A_district_with_margins_but_no_respondent_leaves_the_city_figure_named_as_partial()
    {
        // 临安区 has margins and nobody answered from it: the weighted figure covers the other 12 and says which is missing.
        var results = ProfileCodes.Districts.Where(d => d != "临安区").SelectMany(d => People(d, d, 200, 40)).ToList();
        var profiles = results.ToDictionary(r => r.ParticipantId, _ => new RespondentProfile("18-29", "male", "college", null, 0));
        var all = ProfileCodes.Districts.ToDictionary(d => d, _ => RakingTests.Margins(new() { ["18-29"] = 1000 }, new() { ["male"] = 1000 }, new() { ["college"] = 1000 }));
        var city = AssessmentCalculator.Compute(Setup, results, profiles, new PopulationMargins(all, 0)).City;
        Assert.Equal(12, city.Covers!.Count);
        Assert.DoesNotContain("临安区", city.Covers);
        Assert.Equal(20, city.Weighted!.Share, 9);
        Assert.Null(city.Verdict);
        Assert.Equal(("city.partial", "12", "临安区"), (city.Status!.Code, city.Status.Args["covered"], city.Status.Args["missing"]));
    }

    [Fact]
    public void A_district_whose_margins_cannot_be_met_shows_its_status_and_no_share_and_is_left_out_of_the_city()
    {
        // 淳安县's 300 respondents are all 18-29, but its margins put people in 60-69 too: no weighted figure, and no raw one either.
        var results = People("c", "淳安县", 300, 150).Concat(People("x", "西湖区", 300, 150)).ToList();
        var profiles = results.ToDictionary(r => r.ParticipantId, _ => new RespondentProfile("18-29", "male", "college", null, 0));
        var margins = new PopulationMargins(new Dictionary<string, DistrictMargins>
        {
            ["淳安县"] = RakingTests.Margins(new() { ["18-29"] = 800, ["60-69"] = 200 }, new() { ["male"] = 1000 }, new() { ["college"] = 1000 }),
            ["西湖区"] = RakingTests.Margins(new() { ["18-29"] = 1000 }, new() { ["male"] = 1000 }, new() { ["college"] = 1000 }),
        }, 0);
        var report = AssessmentCalculator.Compute(Setup, results, profiles, margins);
        var chunan = report.Districts.Single(d => d.Area == "淳安县");
        Assert.Equal(("weighting.uncovered", 300, 300), (chunan.Status!.Code, chunan.Respondents, chunan.Weightable));
        Assert.Equal((null, null, null, null), (chunan.Raw, chunan.Weighted, chunan.Verdict, chunan.Tiers));
        Assert.Equal(["西湖区"], report.City.Covers);
        Assert.Equal(50, report.City.Weighted!.Share, 9); // 西湖区's alone
    }
}
