using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Rounds;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Assessment;

/// <summary>
/// The assessment end to end on the online round: created in one step, taken by a roster and a self-registered person
/// over the round's REST API, handed in or ended by the deadline sweep, profiled on the profile endpoint, reported.
/// </summary>
public sealed class AssessmentRoundTests
{
    /// <summary>Who takes part: how many of their 50 items they get right, whether they hand in, and the profile they give.</summary>
    private sealed record Taker(string Name, int Right, bool HandsIn, object? Profile);

    [Fact]
    public async Task First_attempts_on_the_round_are_scored_on_100_tiered_profiled_and_reported_per_district()
    {
        await using var kit = RoundKit.Open(nameof(AssessmentRoundTests));
        var bankId = await AssessmentSeed.ImportQuestionnaireAsync(kit.Server);
        var created = await AssessmentSeed.CreateRoundAsync(kit.Organizer, bankId, kit.Created, selfRegistration: true);
        await kit.UseRoundAsync(created.Round,
        [
            new RosterPerson("张一", "A1", "市科协", "西湖区", null),
            new RosterPerson("王二", "A2", "市科协", "西湖区", null),
            new RosterPerson("李三", "A3", "区图书馆", "滨江区", null),
            new RosterPerson("赵四", "A4", "县文化馆", "淳安县", null),
            new RosterPerson("钱五", "A5", "县文化馆", "淳安县", null), // never starts: not a respondent
        ]);
        var info = await LiveGame.Read<RoundInfo>(await kit.Organizer.GetAsync(kit.Url()));
        Assert.Equal((true, 50, 100.0), (info.Assessment, info.Questions, info.MaxScore));

        // The keys come from the bank in the server's store, never from what a participant's page is sent.
        var bank = await kit.Server.Services.GetRequiredService<IBankStore>().LoadAsync(bankId, CancellationToken.None);
        var byStem = bank!.Questions.ToDictionary(q => q.Stem);

        using var phone = kit.Server.CreateAnonymousClient();
        var registered = await LiveGame.Read<RoundRegistration>(await phone.PostAsJsonAsync(kit.Url("/register"),
            new { name = "自助报名", unit = "区图书馆", district = "西湖区" }));
        var takers = new (Taker Who, string Token)[]
        {
            // All right; lives in 滨江区 though the roster says 西湖区: the profile's district wins.
            (new Taker("张一", 50, true, new { consent = true, ageBand = "30-39", sex = "female", education = "college", district = "滨江区" }), kit.Codes[0].Code!),
            (new Taker("王二", 36, true, new { consent = false }), kit.Codes[1].Code!), // declines: counts under the roster district
            (new Taker("李三", 30, true, new { consent = true, ageBand = "70-plus" }), kit.Codes[2].Code!), // outside 18-69: not counted
            (new Taker("赵四", 10, false, null), kit.Codes[3].Code!), // leaves; the deadline sweep hands it in
            (new Taker("自助报名", 43, true, null), registered.Token),
        };
        var ids = new Dictionary<string, string>();
        var tally = new Dictionary<string, (int Drawn, int Right)>(); // by stem: what the item analysis must find
        foreach (var (who, token) in takers)
        {
            using var person = kit.Client(token, $"device-{ids.Count}");
            var view = await kit.StartAsync(person);
            ids[who.Name] = view.ParticipantId;
            Assert.Equal(50, view.Items.Count);
            foreach (var item in view.Items)
            {
                var (drawn, right) = tally.GetValueOrDefault(item.Stem);
                tally[item.Stem] = (drawn + 1, right + (item.Index < who.Right ? 1 : 0));
                // The right ones first, then five wrong, the rest left blank.
                if (item.Index < who.Right + 5)
                {
                    var saved = await Answer(kit, person, byStem[item.Stem], item, right: item.Index < who.Right);
                    Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
                }
            }
            if (who.Profile is { } profile)
            {
                var body = System.Text.Json.JsonSerializer.SerializeToNode(profile)!.AsObject();
                body["token"] = token;
                Assert.Equal(HttpStatusCode.OK, (await phone.PostAsJsonAsync($"/api/assessments/{kit.ContestId}/profile", body)).StatusCode);
            }
            if (who.HandsIn)
            {
                Assert.Equal(HttpStatusCode.OK, (await person.PostAsync(kit.Url("/attempt/submit"), null)).StatusCode);
                Assert.Equal("attempt_used", await AttemptTests.Code(await person.PostAsync(kit.Url("/attempt"), null), HttpStatusCode.Conflict));
            }
        }

        kit.Clock.Advance(TimeSpan.FromSeconds(602)); // past 赵四's 600 s and the settle time
        using (var zhao = kit.Client(takers[3].Token, "device-3"))
        {
            Assert.True((await kit.WaitSubmittedAsync(zhao)).Result!.Automatic);
        }
        var report = await RecordedAsync(kit, 5);

        var db = kit.Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var stored = (await db.HashGetAllAsync(kit.Server.Services.GetRequiredService<RedisKeys>().AssessmentResults(kit.ContestId)))
            .Select(e => System.Text.Json.JsonSerializer.Deserialize<AssessmentResult>(e.Value.ToString(), QuizJson.Options)!)
            .ToDictionary(r => r.ParticipantId);
        (string Name, double Score, string Tier, bool Automatic)[] expected =
        [
            ("张一", 100, LiteracyTiers.Advanced, false), ("王二", 72, LiteracyTiers.Literate, false), ("李三", 60, LiteracyTiers.Basic, false),
            ("赵四", 20, LiteracyTiers.Low, true), ("自助报名", 86, LiteracyTiers.Advanced, false),
        ];
        Assert.Equal(expected, expected.Select(e => stored[ids[e.Name]]).Select((r, i) => (expected[i].Name, r.Score100, r.Tier, r.Automatic)));
        Assert.All(AssessmentDefaults.Split, d => Assert.Equal(100, stored[ids["张一"]].DimensionScores100[d.Category]));
        Assert.Equal(("西湖区", "西湖区"), (stored[ids["张一"]].JoinDistrict, stored[ids["自助报名"]].JoinDistrict));

        // 李三 is outside 18-69; 张一 counts in 滨江区 by the profile; 王二 and the self-registered person in 西湖区.
        Assert.Equal((5, 1, 4), (report.Recorded, report.ExcludedByAge, report.City.Respondents));
        Assert.Equal(new Dictionary<string, int> { ["西湖区"] = 2, ["滨江区"] = 1, ["淳安县"] = 1 },
            report.Districts.Where(d => d.Respondents > 0).ToDictionary(d => d.Area, d => d.Respondents));
        // Every area is under 100 respondents: counts only, no share, tiers or verdict.
        Assert.All(report.Districts.Append(report.City), d => Assert.True(d.Suppressed && d.Raw is null && d.Tiers is null && d.Verdict is null, d.Area));

        // Nothing more is published or recorded: one notice per attempt, a second start refused.
        using var zhang = kit.Client(takers[0].Token, "device-again");
        Assert.Equal("attempt_used", await AttemptTests.Code(await zhang.PostAsync(kit.Url("/attempt"), null), HttpStatusCode.Conflict));
        Assert.Equal(5, (await kit.PublishedAsync(5)).Count);
        Assert.Equal(5, (await RecordedAsync(kit, 5)).Recorded);

        // The organizer's item analysis: every item of the pool, p over those who drew it (a blank counts as wrong).
        var analysis = await LiveGame.Read<ItemAnalysisReport>(await kit.Organizer.GetAsync($"/api/assessments/{kit.ContestId}/items"));
        Assert.Equal((5, created.Round.PoolSize), (analysis.Attempts, analysis.Items.Count)); // the pool: the items some rule can draw
        Assert.Equal(250, analysis.Items.Sum(i => i.Drawn));
        foreach (var item in analysis.Items.Where(i => i.Drawn > 0))
        {
            var (drawn, right) = tally[item.Stem];
            Assert.Equal((drawn, Math.Round((double)right / drawn, 4)), (item.Drawn, item.P!.Value));
            Assert.Equal(item.Discrimination < ItemAnalysis.FlagBelow, item.Flagged);
        }
        var items = System.Text.Encoding.UTF8.GetString(await kit.Organizer.GetByteArrayAsync($"/api/assessments/{kit.ContestId}/items.csv"));
        Assert.Contains("区分度(点二列)", items, StringComparison.Ordinal);
        Assert.Contains(AssessmentDefaults.CaveatEnglish, items, StringComparison.Ordinal);

        // After the close a respondent sees their score, never a key, an explanation or which items were right.
        kit.Clock.Advance(TimeSpan.FromHours(1));
        using var after = kit.Client(takers[0].Token, "device-after");
        var resumed = await after.GetAsync(kit.Url("/attempt"));
        var json = await resumed.Content.ReadAsStringAsync();
        Assert.Contains("\"released\":true", json, StringComparison.Ordinal);
        foreach (var secret in new[] { "explanation", "answer\"", "\"key", "correct", "credit" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
        using var anyone = kit.Server.CreateAnonymousClient();
        Assert.Equal("not_revealed", await AttemptTests.Code(await anyone.GetAsync($"/api/contests/{kit.ContestId}/questions/0/reveal"), HttpStatusCode.Conflict));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"/api/assessments/{kit.ContestId}/items")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync(kit.Url("/questions"))).StatusCode);
    }

    private static Task<HttpResponseMessage> Answer(RoundKit kit, HttpClient person, Question question, PaperQuestion item, bool right)
    {
        // Option ids on the page are the original indices, so the bank's key applies as it is.
        int[] options = right ? [.. question.Answer.Options] : [Enumerable.Range(0, question.Options.Count).First(o => !question.Answer.Options.Contains(o))];
        return kit.SaveAsync(person, item.Index, options);
    }

    /// <summary>The report once <paramref name="count"/> first attempts are recorded (the recorder runs as the notice is published).</summary>
    private static async Task<AssessmentReport> RecordedAsync(RoundKit kit, int count)
    {
        for (var i = 0; ; i++)
        {
            var report = await LiveGame.Read<AssessmentReport>(await kit.Organizer.GetAsync($"/api/assessments/{kit.ContestId}/report"));
            if (report.Recorded >= count || i == 300)
            {
                return report;
            }
            await Task.Delay(100);
        }
    }
}
