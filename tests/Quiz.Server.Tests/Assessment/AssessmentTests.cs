using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Quiz.Contracts;
using Quiz.Contracts.Banks;
using Quiz.Core.Assessment;
using Quiz.Core.Features.Assessment;
using Quiz.Core.Features.Rounds;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Banks;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;
using AssessmentCreated = Quiz.Server.Api.AssessmentApi.AssessmentCreated;

namespace Quiz.Server.Tests.Assessment;

/// <summary>The literacy assessment end to end on the real server: first attempts, profiles, margins, the report and its export.</summary>
public sealed class AssessmentTests
{
    private static QuizServer Server(string name) => new(name, BankClient.NoSample());

    [Fact]
    public async Task Only_the_first_attempt_counts_even_when_the_notification_comes_twice()
    {
        await using var server = Server(nameof(Only_the_first_attempt_counts_even_when_the_notification_comes_twice));
        var contest = await AssessmentSeed.CreateAsync(server);
        await AssessmentSeed.AddParticipantAsync(server, contest, "p1", "西湖区");
        await AssessmentSeed.SubmitAsync(server, contest, "p1", 42.5, 50); // 85 on 100: 高阶
        await AssessmentSeed.SubmitAsync(server, contest, "p1", 42.5, 50); // the same notification again
        await AssessmentSeed.SubmitAsync(server, contest, "p1", 10, 50);   // a second attempt

        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var keys = server.Services.GetRequiredService<RedisKeys>();
        var stored = await db.HashGetAllAsync(keys.AssessmentResults(contest));
        var result = System.Text.Json.JsonSerializer.Deserialize<AssessmentResult>(Assert.Single(stored).Value.ToString(), QuizJson.Options)!;
        Assert.Equal((85.0, LiteracyTiers.Advanced, "西湖区"), (result.Score100, result.Tier, result.JoinDistrict));
        Assert.Equal(85, result.DimensionScores100[AssessmentDefaults.Knowledge]);

        // A contest that is not an assessment: the online round's notification is ignored.
        await AssessmentSeed.AddParticipantAsync(server, "plain-round", "p1", "西湖区");
        await AssessmentSeed.SubmitAsync(server, "plain-round", "p1", 50);
        Assert.False(await db.KeyExistsAsync(keys.AssessmentResults("plain-round")));
    }

    [Fact]
    public async Task Districts_with_few_respondents_are_suppressed_and_the_export_carries_the_same_figures()
    {
        await using var server = Server(nameof(Districts_with_few_respondents_are_suppressed_and_the_export_carries_the_same_figures));
        var contest = await AssessmentSeed.CreateAsync(server);
        await AssessmentSeed.AddRespondentsAsync(server, contest, "x", "西湖区", 120, 60); // 50%: [41.2, 58.8] > 25, flagged
        await AssessmentSeed.AddRespondentsAsync(server, contest, "c", "淳安县", 12, 12);  // 样本不足

        using var organizer = server.CreateHttpClient();
        var report = await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"));
        var xihu = report.Districts.Single(d => d.Area == "西湖区");
        Assert.Equal((120, false, true, Verdict.Above), (xihu.Respondents, xihu.Suppressed, xihu.Flagged, xihu.Verdict));
        Assert.Equal(50, xihu.Raw!.Share, 9);
        Assert.Equal(65, xihu.DimensionMeans![AssessmentDefaults.Knowledge]); // half 80, half 50
        var chunan = report.Districts.Single(d => d.Area == "淳安县");
        Assert.Equal((12, true), (chunan.Respondents, chunan.Suppressed));
        Assert.Null(chunan.Raw);
        Assert.Null(chunan.DimensionMeans);
        Assert.Equal(132, report.City.Respondents);
        Assert.Equal(AssessmentDefaults.Caveat, report.Caveat);

        var csv = Encoding.UTF8.GetString(await organizer.GetByteArrayAsync($"/api/assessments/{contest}/report.csv"));
        Assert.StartsWith("\uFEFF\"区县\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"西湖区\",\"25\",\"120\",\"0\",\"50\",\"41.19\",\"58.81\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"淳安县\",\"18\",\"12\",\"0\",\"\",\"\",\"\",\"\",\"\",\"\",\"12\",\"\",\"\",\"\",\"\",\"样本不足\"", csv, StringComparison.Ordinal);
        Assert.Contains(AssessmentDefaults.Caveat, csv, StringComparison.Ordinal);
        Assert.Contains(AssessmentDefaults.CaveatEnglish, csv, StringComparison.Ordinal);
        Assert.Contains("达到本平台 70 分线", csv, StringComparison.Ordinal);
        Assert.Contains("中国公民科学素质抽样调查", csv, StringComparison.Ordinal);

        var xlsx = await organizer.GetByteArrayAsync($"/api/assessments/{contest}/report.xlsx");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("50", rows.Single(r => (string)r["区县"] == "西湖区")["原始比例(%)"]?.ToString());
        Assert.Equal("样本不足", rows.Single(r => (string)r["区县"] == "淳安县")["标记"]?.ToString());
        Assert.Contains(AssessmentDefaults.Caveat, rows[^2]["区县"]?.ToString(), StringComparison.Ordinal);
        Assert.Contains(AssessmentDefaults.CaveatEnglish, rows[^1]["区县"]?.ToString(), StringComparison.Ordinal);

        var audit = await organizer.GetStringAsync("/api/audit?take=20");
        Assert.Contains("ExportAssessmentReport", audit, StringComparison.Ordinal);

        // The big screen reads the same aggregates without logging in; no participant id appears in them.
        using var anonymous = server.CreateAnonymousClient();
        var screen = await anonymous.GetStringAsync($"/api/assessments/{contest}/screen");
        Assert.Contains("淳安县", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("x1", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_needs_the_participant_token_and_consent_and_its_district_wins()
    {
        await using var server = Server(nameof(A_profile_needs_the_participant_token_and_consent_and_its_district_wins));
        var contest = await AssessmentSeed.CreateAsync(server);
        var token = await AssessmentSeed.AddParticipantAsync(server, contest, "p1", "西湖区");
        await AssessmentSeed.SubmitAsync(server, contest, "p1", 90);
        using var phone = server.CreateAnonymousClient();
        var url = $"/api/assessments/{contest}/profile";

        var stranger = await phone.PostAsJsonAsync(url, new { token = "not-a-token", consent = true, ageBand = "30-39" });
        Assert.Equal(HttpStatusCode.Conflict, stranger.StatusCode);
        Assert.Contains("unknown_token", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bad = await phone.PostAsJsonAsync(url, new { token, consent = true, ageBand = "35", sex = "x", education = "phd", district = "西湖县" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "ageBand", "sex", "education", "district" })
        {
            Assert.Contains($"\"{field}\"", body, StringComparison.Ordinal);
        }

        var given = await LiveGame.Read<ProfileOutcome>(await phone.PostAsJsonAsync(url,
            new { token, consent = true, ageBand = "30-39", sex = "female", education = "college", district = "滨江区" }));
        Assert.Equal(new ProfileOutcome(true, true), given);
        using var organizer = server.CreateHttpClient();
        var report = await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"));
        Assert.Equal((0, 1), (report.Districts.Single(d => d.Area == "西湖区").Respondents, report.Districts.Single(d => d.Area == "滨江区").Respondents));

        var old = await LiveGame.Read<ProfileOutcome>(await phone.PostAsJsonAsync(url, new { token, consent = true, ageBand = "70-plus" }));
        Assert.False(old.Counted);
        Assert.Equal(1, (await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"))).ExcludedByAge);

        // Withdrawing consent deletes the profile: the respondent counts again under the district they joined with.
        Assert.Equal(new ProfileOutcome(false, true), await LiveGame.Read<ProfileOutcome>(await phone.PostAsJsonAsync(url, new { token, consent = false })));
        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.False(await db.KeyExistsAsync(server.Services.GetRequiredService<RedisKeys>().AssessmentProfiles(contest)));
        report = await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"));
        Assert.Equal((1, 0), (report.Districts.Single(d => d.Area == "西湖区").Respondents, report.ExcludedByAge));
    }

    [Fact]
    public async Task Margins_with_bad_rows_are_refused_whole_and_good_ones_weight_the_shares()
    {
        await using var server = Server(nameof(Margins_with_bad_rows_are_refused_whole_and_good_ones_weight_the_shares));
        var contest = await AssessmentSeed.CreateAsync(server);
        using var organizer = server.CreateHttpClient();
        var url = $"/api/assessments/{contest}/margins";

        var bad = await organizer.PutAsync(url, Csv("district,dimension,code,population\n" + Margins("西湖区") + "\n西湖区,sex,other,5\n拱墅区,age,18-29,-1\n"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("row 13 code", errors, StringComparison.Ordinal);
        Assert.Contains("row 14 population", errors, StringComparison.Ordinal);
        var keys = server.Services.GetRequiredService<RedisKeys>();
        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.False(await db.KeyExistsAsync(keys.AssessmentMargins(contest)));

        // 120 respondents in 西湖区, men (80 at the line) and women (0): men are 1/3 of respondents, half the population.
        for (var i = 0; i < 120; i++)
        {
            var token = await AssessmentSeed.AddParticipantAsync(server, contest, $"w{i}", "西湖区");
            await AssessmentSeed.SubmitAsync(server, contest, $"w{i}", i < 40 ? 80 : 50);
            await organizer.PostAsJsonAsync($"/api/assessments/{contest}/profile",
                new { token, consent = true, ageBand = "40-49", sex = i < 40 ? "male" : "female", education = "senior" });
        }
        // Margins of people in 40-49 with senior schooling only: every code with people has respondents.
        var narrow = "district,dimension,code,population\n" + string.Join("\n", ProfileCodes.CountedAgeBands.Select(c => $"西湖区,age,{c},{(c == "40-49" ? 1000 : 0)}")
            .Concat(ProfileCodes.Sexes.Select(c => $"西湖区,sex,{c},500")).Concat(ProfileCodes.Educations.Select(c => $"西湖区,education,{c},{(c == "senior" ? 1000 : 0)}")));
        var loaded = await LiveGame.Read<MarginsSummary>(await organizer.PutAsync(url, Csv(narrow)));
        Assert.Equal(1000, loaded.Populations["西湖区"]);
        Assert.Equal(1000, loaded.Totals["西湖区"]["age"]);
        var xihu = (await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"))).Districts.Single(d => d.Area == "西湖区");
        Assert.Equal(40.0 / 120 * 100, xihu.Raw!.Share, 6);
        Assert.Equal(50, xihu.Weighted!.Share, 6); // men weigh 500/40 = 12.5, women 500/80 = 6.25
        Assert.Equal(1000.0 * 1000 / (40 * 12.5 * 12.5 + 80 * 6.25 * 6.25), xihu.EffectiveN, 6); // 106.67
        Assert.True(xihu.Flagged);
    }

    [Fact]
    public async Task Setup_margins_and_exports_need_an_organizer_the_screen_does_not()
    {
        await using var server = Server(nameof(Setup_margins_and_exports_need_an_organizer_the_screen_does_not));
        var contest = await AssessmentSeed.CreateAsync(server);
        using var anonymous = server.CreateAnonymousClient();
        using var host = server.CreateHttpClient(server.Token("someone", "host"));
        foreach (var http in new[] { anonymous, host })
        {
            var expected = http == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            Assert.Equal(expected, (await http.PutAsJsonAsync($"/api/assessments/{contest}", new { })).StatusCode);
            Assert.Equal(expected, (await http.GetAsync($"/api/assessments/{contest}")).StatusCode);
            Assert.Equal(expected, (await http.PutAsync($"/api/assessments/{contest}/margins", Csv("x"))).StatusCode);
            Assert.Equal(expected, (await http.GetAsync($"/api/assessments/{contest}/report")).StatusCode);
            Assert.Equal(expected, (await http.GetAsync($"/api/assessments/{contest}/report.csv")).StatusCode);
            Assert.Equal(expected, (await http.GetAsync($"/api/assessments/{contest}/report.xlsx")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/assessments/{contest}/screen")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/assessments/no-such-contest/screen")).StatusCode);
    }

    [Fact]
    public async Task The_questionnaire_is_imported_at_start_and_an_assessment_round_is_created_from_it_in_one_step()
    {
        await using var server = new QuizServer(nameof(The_questionnaire_is_imported_at_start_and_an_assessment_round_is_created_from_it_in_one_step));
        using var organizer = server.CreateHttpClient();
        await ShippedBanks.WaitAsync(server);
        var bank = (await organizer.GetFromJsonAsync<BankDto[]>("/api/banks", BankClient.Json))!.Single(b => b.Name == CreateAssessment.ShippedBankName);
        var expected = System.Text.Json.JsonDocument.Parse(Quiz.Server.Hosting.SampleBank.AssessmentFiles().Single().Content).RootElement.GetProperty("questions").GetArrayLength();
        Assert.Equal(expected, bank!.QuestionCount);

        var now = DateTimeOffset.UtcNow;
        object Round(string title, double points, params object[] blueprint) => new
        {
            title, opensAt = now.AddMinutes(-1), closesAt = now.AddHours(1), timeLimitSeconds = 600, bankId = bank.Id, blueprint, points,
        };
        var refused = await organizer.PostAsJsonAsync("/api/assessments", new { title = "", opensAt = now, closesAt = now.AddHours(-1), timeLimitSeconds = 5, cityTarget = 120 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        foreach (var field in new[] { "title", "closesAt", "timeLimitSeconds", "cityTarget" })
        {
            Assert.Contains($"\"{field}\"", why, StringComparison.Ordinal);
        }

        // One step: the round from the shipped bank with the national split, and the assessment on it.
        var created = await LiveGame.Read<AssessmentCreated>(await organizer.PostAsJsonAsync("/api/assessments",
            new { title = "科学素质测评", opensAt = now, closesAt = now.AddDays(7), timeLimitSeconds = 1800, targets = new Dictionary<string, double> { ["淳安县"] = 20 } }));
        var setup = created.Setup;
        Assert.Equal((bank.Id, created.Round.ContestId, 50), (setup.BankId, setup.ContestId, created.Round.PaperSize));
        // Balanced: 20, 10, 10, 10 items per dimension, each rule one subcategory in one difficulty band.
        Assert.Equal([20, 10, 10, 10], AssessmentDefaults.Split.Select(d => setup.Blueprint.Where(r => r.Category!.StartsWith(d.Category + "/", StringComparison.Ordinal)).Sum(r => r.Count)));
        Assert.All(setup.Blueprint, r => Assert.Contains(PaperBalance.Bands, b => (b.Min, b.Max) == (r.MinDifficulty, r.MaxDifficulty)));
        Assert.Equal(100, setup.Blueprint.Sum(r => r.Count) * setup.PointsPerItem);
        Assert.Equal((25.0, 20.0, 22.0), (setup.Targets["西湖区"], setup.Targets["淳安县"], setup.Targets["萧山区"]));
        var info = await LiveGame.Read<RoundInfo>(await organizer.GetAsync($"/api/rounds/{setup.ContestId}"));
        Assert.Equal((100.0, 50, true), (info.MaxScore, info.Questions, info.Assessment));

        // Marking again replaces the targets only; the paper stays the round's.
        var again = await LiveGame.Read<AssessmentSetup>(await organizer.PutAsJsonAsync($"/api/assessments/{setup.ContestId}", new { cityTarget = 30 }));
        Assert.Equal((30.0, 30.0, 18.0, 100.0), (again.CityTarget, again.Targets["萧山区"], again.Targets["淳安县"], again.Blueprint.Sum(r => r.Count) * again.PointsPerItem));

        // The paper is not the organizer's to give here: a blueprint in the body is refused by name, not ignored.
        var paper = await organizer.PutAsJsonAsync($"/api/assessments/{setup.ContestId}", new { cityTarget = 30, blueprint = new[] { new { count = 50 } } });
        Assert.Equal(HttpStatusCode.BadRequest, paper.StatusCode);
        Assert.Contains("blueprint", await paper.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await organizer.PutAsJsonAsync("/api/assessments/no-such-contest", new { })).StatusCode);
        var live = await LiveGame.CreateAsync(server, new Quiz.Core.Contests.RoundRules(), "q-single");
        var notOnline = await organizer.PutAsJsonAsync($"/api/assessments/{live.ContestId}", new { });
        Assert.Equal(HttpStatusCode.Conflict, notOnline.StatusCode);
        Assert.Contains("not_online_round", await notOnline.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Online rounds whose paper is not the assessment's: 25 points a dimension; a rule that names no dimension.
        var even = await LiveGame.Read<OnlineRoundCreated>(await organizer.PostAsJsonAsync("/api/rounds", Round("均分", 2.5,
            new { count = 10, category = "科学知识" }, new { count = 10, category = "科学方法" }, new { count = 10, category = "科学精神与思想" }, new { count = 10, category = "应用科学的能力" })));
        var split = await organizer.PutAsJsonAsync($"/api/assessments/{even.ContestId}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, split.StatusCode);
        Assert.Contains("科学知识 25", await split.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var any = await LiveGame.Read<OnlineRoundCreated>(await organizer.PostAsJsonAsync("/api/rounds", Round("任意", 2, new { count = 50 })));
        var anyCategory = await organizer.PutAsJsonAsync($"/api/assessments/{any.ContestId}", new { });
        Assert.Equal(HttpStatusCode.BadRequest, anyCategory.StatusCode);
        Assert.Contains("blueprint[0].category", await anyCategory.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync($"/api/assessments/{any.ContestId}")).StatusCode);
        var info2 = await LiveGame.Read<RoundInfo>(await organizer.GetAsync($"/api/rounds/{any.ContestId}"));
        Assert.False(info2.Assessment);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>A district of 1000 people aged 18-69: 200 per age band, 500 per sex, 250 per education level.</summary>
    private static string Margins(string district) => string.Join("\n",
        ProfileCodes.CountedAgeBands.Select(c => $"{district},age,{c},200")
            .Concat(ProfileCodes.Sexes.Select(c => $"{district},sex,{c},500"))
            .Concat(ProfileCodes.Educations.Select(c => $"{district},education,{c},250")));
}
