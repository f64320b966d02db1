using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

public sealed class RakingTests
{
    internal static DistrictMargins Margins(Dictionary<string, double> age, Dictionary<string, double> sex, Dictionary<string, double> education,
        Dictionary<string, double>? residence = null)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["age"] = ProfileCodes.CountedAgeBands.ToDictionary(c => c, c => age.GetValueOrDefault(c)),
            ["sex"] = ProfileCodes.Sexes.ToDictionary(c => c, c => sex.GetValueOrDefault(c)),
            ["education"] = ProfileCodes.Educations.ToDictionary(c => c, c => education.GetValueOrDefault(c)),
        };
        if (residence is not null)
        {
            all["residence"] = ProfileCodes.Residences.ToDictionary(c => c, c => residence.GetValueOrDefault(c));
        }
        return new DistrictMargins(all);
    }

    internal static RespondentProfile P(string age, string sex, string education = "college", string? residence = null) =>
        new(age, sex, education, null, 0, residence);

    [Fact]
    public void Raking_reaches_the_hand_computed_weights()
    {
        // Young men 2, young women 2, older man 1, older woman 1; population young 30 / older 70, men 40 / women 60.
        // Age pass: young 30/4 = 7.5 each, older 70/2 = 35 each. Sex pass: men 7.5+7.5+35 = 50 -> ×0.8; women 50 -> ×1.2.
        // Weights 6, 6, 9, 9, 28, 42: young 30, older 70, men 40, women 60 all hold, so the next pass changes nothing.
        // The mean weight is 100/6, the cap 5 times that (83.3): nothing to trim.
        RespondentProfile[] people = [P("18-29", "male"), P("18-29", "male"), P("18-29", "female"), P("18-29", "female"), P("50-59", "male"), P("50-59", "female")];
        var margins = Margins(new() { ["18-29"] = 30, ["50-59"] = 70 }, new() { ["male"] = 40, ["female"] = 60 }, new() { ["college"] = 100 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Equal([6, 6, 9, 9, 28, 42], weighting.Weights.Select(w => Math.Round(w, 9)));
        Assert.Equal((0, Math.Round(100.0 / 6 * 5, 9)), (weighting.Trimmed, Math.Round(weighting.TrimCap, 9)));
        Assert.InRange(weighting.Sweeps, 1, 3);
        Assert.True(weighting.WorstError < Raking.Tolerance);
    }

    [Fact]
    public void A_code_with_people_but_no_respondent_gives_no_weights_and_says_which()
    {
        // 40-49 holds 50 of 150 people and nobody answered from it: no weights, a coded status naming it.
        RespondentProfile[] people = [P("18-29", "male"), P("18-29", "female"), P("50-59", "male"), P("50-59", "female")];
        var margins = Margins(new() { ["18-29"] = 30, ["40-49"] = 50, ["50-59"] = 70 }, new() { ["male"] = 60, ["female"] = 90 }, new() { ["college"] = 150 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Equal("weighting.uncovered", weighting.Problem!.Code);
        Assert.Equal(new Dictionary<string, string> { ["dimension"] = "age", ["code"] = "40-49", ["share"] = "33.3", ["count"] = "1" }, weighting.Problem.Args);
        Assert.All(weighting.Weights, w => Assert.Equal(0, w));
    }

    [Fact]
    public void Respondents_in_a_code_of_no_people_weigh_nothing()
    {
        RespondentProfile[] people = [P("18-29", "male", "primary"), P("18-29", "male", "college"), P("18-29", "female", "college")];
        var margins = Margins(new() { ["18-29"] = 100 }, new() { ["male"] = 50, ["female"] = 50 }, new() { ["college"] = 100 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Null(weighting.Problem);
        Assert.Equal([0, 50, 50], weighting.Weights.Select(w => Math.Round(w, 6)));
    }

    [Fact]
    public void Margins_two_dimensions_cannot_meet_together_are_found_before_raking()
    {
        // 淳安县 as the issue found it: everyone aged 60-69 has primary schooling and nobody else does, yet 60-69 is 17%
        // of the people and primary 10%: the 60-69 respondents would have to weigh 17% and 10% at once.
        var people = new List<RespondentProfile>();
        foreach (var age in new[] { "18-29", "30-39", "40-49", "50-59" })
        {
            people.AddRange(Enumerable.Repeat(P(age, "male", "college"), 20).Concat(Enumerable.Repeat(P(age, "female", "senior"), 20)));
        }
        people.AddRange(Enumerable.Repeat(P("60-69", "male", "primary"), 30).Concat(Enumerable.Repeat(P("60-69", "female", "primary"), 36)));
        var margins = Margins(new() { ["18-29"] = 21, ["30-39"] = 21, ["40-49"] = 21, ["50-59"] = 20, ["60-69"] = 17 },
            new() { ["male"] = 50, ["female"] = 50 }, new() { ["primary"] = 10, ["senior"] = 45, ["college"] = 45 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Equal("weighting.infeasible", weighting.Problem!.Code);
        Assert.Equal(("age", "60-69", "17.0", "education", "primary", "10.0"), (weighting.Problem.Args["dimension"], weighting.Problem.Args["codes"],
            weighting.Problem.Args["share"], weighting.Problem.Args["other"], weighting.Problem.Args["linked"], weighting.Problem.Args["room"]));
    }

    [Fact]
    public void Margins_only_all_three_dimensions_rule_out_stop_at_the_sweep_cap_with_a_code()
    {
        // Two codes with people in each dimension, and respondents only where age, sex and education "agree in parity":
        // (18-29, male, junior), (18-29, female, college), (30-39, male, college), (30-39, female, junior). Every pair of
        // codes meets, so no pair rules it out, but 20% in each first code would need the first cell to weigh -20%.
        RespondentProfile[] people = [P("18-29", "male", "junior"), P("18-29", "female", "college"), P("30-39", "male", "college"), P("30-39", "female", "junior")];
        var margins = Margins(new() { ["18-29"] = 20, ["30-39"] = 80 }, new() { ["male"] = 20, ["female"] = 80 }, new() { ["junior"] = 20, ["college"] = 80 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Equal("weighting.notConverged", weighting.Problem!.Code);
        Assert.Equal(Raking.MaxSweeps.ToString(System.Globalization.CultureInfo.InvariantCulture), weighting.Problem.Args["sweeps"]);
        Assert.Equal(Raking.MaxSweeps, weighting.Sweeps);
    }

    [Fact]
    public void A_cap_the_margins_cannot_live_with_leaves_the_weights_untrimmed_and_says_so()
    {
        // One 60-69 respondent among 19 younger ones must carry half the people: 10 times the mean weight, and no
        // weights under 5 times the mean can give 60-69 its half.
        var people = Enumerable.Repeat(P("18-29", "male"), 10).Concat(Enumerable.Repeat(P("18-29", "female"), 9)).Append(P("60-69", "female")).ToList();
        var margins = Margins(new() { ["18-29"] = 50, ["60-69"] = 50 }, new() { ["male"] = 30, ["female"] = 70 }, new() { ["college"] = 100 });
        var weighting = Raking.Weigh(people, margins);
        Assert.Null(weighting.Problem);
        Assert.Equal("weighting.capNotHeld", weighting.Note!.Code);
        Assert.Equal(50, weighting.Weights[^1], 6);
        Assert.Equal(0, weighting.Trimmed);
    }

    [Fact]
    public void Residence_is_raked_on_when_the_margins_give_it()
    {
        // Two urban, two rural; the population is 80% urban: each urban respondent stands for 40, each rural for 10.
        RespondentProfile[] people = [P("18-29", "male", residence: "urban"), P("18-29", "female", residence: "urban"),
            P("18-29", "male", residence: "rural"), P("18-29", "female", residence: "rural")];
        var margins = Margins(new() { ["18-29"] = 100 }, new() { ["male"] = 50, ["female"] = 50 }, new() { ["college"] = 100 },
            new() { ["urban"] = 80, ["rural"] = 20 });
        Assert.Equal(["age", "sex", "education", "residence"], margins.Dimensions);
        Assert.Equal([40, 40, 10, 10], Raking.Weigh(people, margins).Weights.Select(w => Math.Round(w, 6)));
    }
}
