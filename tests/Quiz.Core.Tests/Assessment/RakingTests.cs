using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

public sealed class RakingTests
{
    internal static DistrictMargins Margins(Dictionary<string, double> age, Dictionary<string, double> sex, Dictionary<string, double> education)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, double>>
        {
            ["age"] = ProfileCodes.CountedAgeBands.ToDictionary(c => c, c => age.GetValueOrDefault(c)),
            ["sex"] = ProfileCodes.Sexes.ToDictionary(c => c, c => sex.GetValueOrDefault(c)),
            ["education"] = ProfileCodes.Educations.ToDictionary(c => c, c => education.GetValueOrDefault(c)),
        };
        return new DistrictMargins(all);
    }

    internal static RespondentProfile P(string age, string sex, string education = "college") => new(age, sex, education, null, 0);

    [Fact]
    public void Raking_reaches_the_hand_computed_weights()
    {
        // Young men 2, young women 2, older man 1, older woman 1; population young 30 / older 70, men 40 / women 60.
        // Age pass: young 30/4 = 7.5 each, older 70/2 = 35 each. Sex pass: men 7.5+7.5+35 = 50 -> ×0.8; women 50 -> ×1.2.
        // Weights 6, 6, 9, 9, 28, 42: young 30, older 70, men 40, women 60 all hold, so the next pass changes nothing.
        RespondentProfile[] people = [P("18-29", "male"), P("18-29", "male"), P("18-29", "female"), P("18-29", "female"), P("50-59", "male"), P("50-59", "female")];
        var margins = Margins(new() { ["18-29"] = 30, ["50-59"] = 70 }, new() { ["male"] = 40, ["female"] = 60 }, new() { ["college"] = 100 });
        var weights = Raking.Weights(people, margins);
        Assert.Equal([6, 6, 9, 9, 28, 42], weights.Select(w => Math.Round(w, 9)));
    }

    [Fact]
    public void A_code_without_respondents_is_spread_over_the_others_of_its_dimension()
    {
        // 40-49 has 50 people and no respondent. Population 150 (the sex total); the ages present, 30 and 70 of 100,
        // become 45 and 105. One respondent per cell, so raking ends at age target · sex target / 150:
        // young man 45·60/150 = 18, young woman 45·90/150 = 27, older man 105·60/150 = 42, older woman 105·90/150 = 63.
        RespondentProfile[] people = [P("18-29", "male"), P("18-29", "female"), P("50-59", "male"), P("50-59", "female")];
        var margins = Margins(new() { ["18-29"] = 30, ["40-49"] = 50, ["50-59"] = 70 }, new() { ["male"] = 60, ["female"] = 90 }, new() { ["college"] = 150 });
        var weights = Raking.Weights(people, margins);
        Assert.Equal([18, 27, 42, 63], weights.Select(w => Math.Round(w, 6)));
    }

    [Fact]
    public void Respondents_in_a_code_of_no_people_weigh_nothing()
    {
        RespondentProfile[] people = [P("18-29", "male", "primary"), P("18-29", "male", "college"), P("18-29", "female", "college")];
        var margins = Margins(new() { ["18-29"] = 100 }, new() { ["male"] = 50, ["female"] = 50 }, new() { ["college"] = 100 });
        var weights = Raking.Weights(people, margins);
        Assert.Equal([0, 50, 50], weights.Select(w => Math.Round(w, 6)));
    }
}
