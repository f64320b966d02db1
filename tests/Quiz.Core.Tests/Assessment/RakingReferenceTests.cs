using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

/// <summary>
/// Raking, trimming, the effective n and the weighted interval against figures computed outside the project:
/// Reference/raking_reference.py (plain Python; rerun it with python3 and paste its output here after changing its data).
/// </summary>
public sealed class RakingReferenceTests
{
    private static readonly string[] Ages = ["18-29", "30-39", "40-49", "50-59", "60-69"];
    private static readonly string[] Sexes = ["male", "female"];
    private static readonly string[] Educations = ["primary", "junior", "senior", "college"];

    [Fact]
    public void A_district_of_young_schooled_volunteers_is_raked_and_trimmed_as_the_reference_computes()
    {
        // ---- pasted from raking_reference.py
        // cells: (age, sex, education, respondents, at the line)
        (int, int, int, int, int)[] cells = [(0, 0, 0, 1, 0), (0, 0, 1, 3, 1), (0, 0, 2, 8, 3), (0, 0, 3, 16, 9), (0, 1, 0, 1, 0), (0, 1, 1, 3, 1), (0, 1, 2, 9, 3), (0, 1, 3, 20, 11), (1, 0, 0, 1, 0), (1, 0, 1, 4, 1), (1, 0, 2, 9, 3), (1, 0, 3, 17, 9), (1, 1, 0, 1, 0), (1, 1, 1, 5, 1), (1, 1, 2, 12, 4), (1, 1, 3, 21, 12), (2, 0, 0, 1, 0), (2, 0, 1, 5, 1), (2, 0, 2, 7, 2), (2, 0, 3, 9, 5), (2, 1, 0, 2, 0), (2, 1, 1, 7, 1), (2, 1, 2, 8, 3), (2, 1, 3, 11, 6), (3, 0, 0, 1, 0), (3, 0, 1, 4, 1), (3, 0, 2, 3, 1), (3, 0, 3, 3, 2), (3, 1, 0, 2, 0), (3, 1, 1, 5, 1), (3, 1, 2, 4, 1), (3, 1, 3, 3, 2), (4, 0, 0, 1, 0), (4, 0, 1, 1, 0), (4, 0, 2, 1, 0), (4, 0, 3, 1, 1), (4, 1, 0, 2, 0), (4, 1, 1, 2, 0), (4, 1, 2, 1, 0), (4, 1, 3, 1, 1)];
        // respondents 216, at the line 86, population 1000
        const double Cap = 23.14814814814815;
        const double MaxUntrimmed = 28.337740994942838;
        const double EffectiveNUntrimmed = 117.84837712712235;
        const double EffectiveN = 119.10015266183463;
        const int AtCap = 2;
        const double Share = 0.2863034642261731, Low = 0.21279812385748176, High = 0.3731632164160006;
        const double ShareUntrimmed = 0.285822529488372;
        double[] weights = [7.492339664095731, 7.26162106234005, 3.8366177624477227, 2.5357349621739327, 5.1983884200697466, 5.0383095980418435, 2.661949436718344, 1.75936167535217, 7.722042236245417, 7.484250188991793, 3.954242030420057, 2.6134763446011697, 5.357762293206512, 5.192775722889684, 2.7435603433189586, 1.8133007545034516, 8.334457318710099, 8.077806602755498, 4.2678426797118245, 2.820744355074605, 5.782672483572893, 5.604601257542593, 2.9611449773441505, 1.9571089204171426, 15.380361543822149, 14.906739728877943, 7.875853329858039, 5.205386067110763, 10.67131189060165, 10.342700232737698, 5.464480600672711, 3.6116380018025875, 23.14814815644897, 23.14814815457986, 16.406083801228412, 10.84326947925849, 22.22926580952615, 21.544739299041474, 11.382985806115748, 7.523354389122747];
        const double Raw = 0.39814814814814814, RawLow = 0.3351950456768863, RawHigh = 0.46466072209366005;
        // ----

        var people = new List<(RespondentProfile Profile, int Cell, bool AtLine)>();
        for (var c = 0; c < cells.Length; c++)
        {
            var (a, s, e, n, atLine) = cells[c];
            for (var i = 0; i < n; i++)
            {
                people.Add((new RespondentProfile(Ages[a], Sexes[s], Educations[e], "淳安县", 0), c, i < atLine));
            }
        }
        var margins = RakingTests.Margins(
            new() { ["18-29"] = 180, ["30-39"] = 220, ["40-49"] = 200, ["50-59"] = 220, ["60-69"] = 180 },
            new() { ["male"] = 510, ["female"] = 490 },
            new() { ["primary"] = 150, ["junior"] = 350, ["senior"] = 250, ["college"] = 250 });

        var weighting = Raking.Weigh([.. people.Select(p => p.Profile)], margins);
        Assert.Null(weighting.Problem);
        Assert.Null(weighting.Note);
        Assert.True(weighting.WorstError < Raking.Tolerance);
        for (var i = 0; i < people.Count; i++)
        {
            Assert.Equal(weights[people[i].Cell], weighting.Weights[i], 1e-6);
        }
        Assert.Equal(Cap, weighting.TrimCap, 9);
        Assert.True(MaxUntrimmed > Cap, "the reference data make trimming bite");
        Assert.Equal(AtCap, weighting.Trimmed);
        Assert.Equal(EffectiveNUntrimmed, weighting.EffectiveNUntrimmed, 6);
        Assert.Equal(EffectiveN, SampleRules.KishEffectiveN(weighting.Weights), 6);

        // The same through the report: the district's weighted share and its Wilson interval on the trimmed n_eff.
        var results = people.Select((p, i) => new AssessmentResult($"r{i}", p.AtLine ? 80 : 50, LiteracyTiers.Of(p.AtLine ? 80 : 50),
            new Dictionary<string, double>(), "淳安县", 0, false)).ToList();
        var profiles = results.Select((r, i) => (r.ParticipantId, people[i].Profile)).ToDictionary(x => x.ParticipantId, x => x.Profile);
        var setup = new AssessmentSetup("c", "b", AssessmentDefaults.Blueprint, 2, 22, AssessmentDefaults.Targets, 0);
        var report = AssessmentCalculator.Compute(setup, results, profiles, new PopulationMargins(new Dictionary<string, DistrictMargins> { ["淳安县"] = margins }, 0));
        var chunan = report.Districts.Single(d => d.Area == "淳安县");
        Assert.Equal(Share * 100, chunan.Weighted!.Share, 6);
        Assert.Equal(Low * 100, chunan.Weighted.Low, 6);
        Assert.Equal(High * 100, chunan.Weighted.High, 6);
        Assert.Equal(EffectiveN, chunan.EffectiveN, 6);
        Assert.Equal(EffectiveNUntrimmed, chunan.Weighting!.EffectiveNUntrimmed, 6);
        Assert.Equal(Raw * 100, chunan.Raw!.Share, 6);
        Assert.Equal(RawLow * 100, chunan.Raw.Low, 6);
        Assert.Equal(RawHigh * 100, chunan.Raw.High, 6);
        Assert.True(chunan.Flagged);
        Assert.Equal(Verdict.Above, chunan.Verdict); // [21.3, 37.3] lies above 18
        Assert.NotEqual(ShareUntrimmed, Share); // trimming moved the figure, a little
    }
}
