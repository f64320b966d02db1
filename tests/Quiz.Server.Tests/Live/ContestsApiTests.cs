using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Stage;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

public sealed class ContestsApiTests
{
    [Fact]
    public async Task A_round_can_be_drawn_by_a_blueprint_and_a_bank_that_cannot_satisfy_it_says_so()
    {
        await using var server = LiveGame.Server(nameof(ContestsApiTests));
        var (bankId, _) = await LiveGame.ImportBankAsync(server);
        using var http = server.CreateHttpClient();

        var drawn = await LiveGame.Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests", new CreateContest("抽题竞赛",
            [new RoundSpec("抽题", new RoundRules(), bankId, null, [new BlueprintRule(1, QuestionType.Fill), new BlueprintRule(1, QuestionType.Single)])]), QuizJson.Options));
        Assert.Equal(2, drawn.Questions);

        var shortOf = await http.PostAsJsonAsync("/api/contests", new CreateContest("抽题竞赛",
            [new RoundSpec("抽题", new RoundRules(), bankId, null, [new BlueprintRule(3, QuestionType.Multiple)]),
             new RoundSpec("再抽", new RoundRules(), bankId, null, [new BlueprintRule(1, QuestionType.Single), new BlueprintRule(2, QuestionType.Ordering)])]),
            QuizJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, shortOf.StatusCode);
        var problem = await shortOf.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("blueprint_short", problem.GetProperty("code").GetString());
        Assert.Contains("Round 1", problem.GetProperty("title").GetString());
        // Each rule at fault, in every round, is named as a field, with a code the stage editor says in Chinese.
        var fields = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["rounds[0].blueprint[0].count", "rounds[1].blueprint[1].count"], fields.Select(f => f.GetProperty("field").GetString()));
        var field = fields[0];
        Assert.Equal("stage.blueprintShort", field.GetProperty("code").GetString());
        Assert.Equal(("1", "2"), (field.GetProperty("args").GetProperty("have").GetString(), field.GetProperty("args").GetProperty("short").GetString()));

        var zero = await http.PostAsJsonAsync("/api/contests", new CreateContest("抽题竞赛",
            [new RoundSpec("抽题", new RoundRules(), bankId, null, [new BlueprintRule(1, QuestionType.Fill), new BlueprintRule(0, QuestionType.Single)])]), QuizJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        var zeroField = Assert.Single((await zero.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal("rounds[0].blueprint[1].count", zeroField.GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_rule_that_exclusions_leave_short_says_so_for_a_contest_and_an_online_round()
    {
        await using var server = LiveGame.Server(nameof(A_rule_that_exclusions_leave_short_says_so_for_a_contest_and_an_online_round));
        // Two single-choice questions that exclude each other (written to the store as an import with Excludes would).
        var store = server.Services.GetRequiredService<IBankStore>();
        var bank = await store.CreateAsync("排斥", CancellationToken.None);
        Question Q(string key, string other) => new()
        {
            Id = $"{bank.Id}-{key}", BankId = bank.Id, Key = key, Type = QuestionType.Single, Stem = $"题{key}", Options = ["甲", "乙"],
            Answer = AnswerKey.Choice(0), Category = "科学知识/物理", Excludes = [other],
        };
        var revision = (await store.LoadAsync(bank.Id, CancellationToken.None))!.Revision;
        Assert.True(await store.TryCommitAsync(bank.Id, revision, [Q("k1", "k2"), Q("k2", "k1")], CancellationToken.None));
        using var http = server.CreateHttpClient();

        var contest = await http.PostAsJsonAsync("/api/contests", new CreateContest("排斥竞赛",
            [new RoundSpec("抽题", new RoundRules(), bank.Id, null, [new BlueprintRule(2, QuestionType.Single)])]), QuizJson.Options);
        Assert.Equal(HttpStatusCode.Conflict, contest.StatusCode);
        var problem = await contest.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("excluded by questions already on the paper", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("stage.blueprintExcluded", field.GetProperty("code").GetString());
        Assert.Equal(("2", "1", "1"), (field.GetProperty("args").GetProperty("have").GetString(), field.GetProperty("args").GetProperty("excluded").GetString(),
            field.GetProperty("args").GetProperty("short").GetString()));

        var now = DateTimeOffset.UtcNow;
        var round = await http.PostAsJsonAsync("/api/rounds", new { title = "排斥网络赛", opensAt = now, closesAt = now.AddHours(1), timeLimitSeconds = 600,
            bankId = bank.Id, blueprint = new[] { new { count = 2 } } });
        Assert.Equal(HttpStatusCode.Conflict, round.StatusCode);
        Assert.Contains("excluded by questions already on the paper", await round.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organizer_reads_back_how_a_stage_contest_was_set_up_without_any_question_or_key()
    {
        await using var server = LiveGame.Server(nameof(ContestsApiTests));
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        using var http = server.CreateHttpClient();
        var created = await LiveGame.Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests", new CreateContest("区级决赛",
            [new RoundSpec("抢答", new RoundRules { TimeLimitSeconds = 20 }, bankId, [ids["q-single"], ids["q-fill"]]),
             new RoundSpec("风险", new RoundRules { TimeLimitSeconds = 45 }, bankId, [ids["q-multi"]])],
            StageGame.SixTeams(new StageSegment { Kind = SegmentKind.Buzz, EarlyBuzzPenalties = [5] },
                new StageSegment { Kind = SegmentKind.Wager, WagerOrder = WagerOrder.LowestFirst })), QuizJson.Options));

        var response = await http.GetAsync($"/api/contests/{created.ContestId}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setup = JsonSerializer.Deserialize<ContestSetup>(body, QuizJson.Options)!;
        Assert.Equal(("区级决赛", created.JoinCode, false), (setup.Title, setup.JoinCode, setup.OnlineRound));
        Assert.Equal([("抢答", 2, 20), ("风险", 1, 45)], setup.Rounds.Select(r => (r.Title, r.Questions, r.Rules.TimeLimitSeconds)));
        Assert.Equal(["队0", "队1", "队2", "队3", "队4", "队5"], setup.Stage!.Teams.Select(t => t.Name));
        Assert.Equal([5], setup.Stage.Segments[0]!.EarlyBuzzPenalties);
        Assert.Equal(WagerOrder.LowestFirst, setup.Stage.Segments[1]!.WagerOrder);
        // Nothing of the questions: no stem, no key, no salt.
        Assert.DoesNotContain(SeededQuestions.SecretFill, body);
        Assert.DoesNotContain("温室气体", body);
        Assert.DoesNotContain("salt", body, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/contests/nope")).StatusCode);
    }

    [Fact]
    public async Task Malformed_contests_are_refused_field_by_field()
    {
        await using var server = LiveGame.Server(nameof(ContestsApiTests));
        using var http = server.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/contests", new CreateContest("",
            [new RoundSpec("r", new RoundRules { TimeLimitSeconds = 1, WrongPenalty = -5 }, "", ["a", "a"])]), QuizJson.Options);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["title", "rounds[0].bankId", "rounds[0].questionIds", "rounds[0].rules.timeLimitSeconds", "rounds[0].rules.wrongPenalty"], fields);

        var missing = await http.PostAsJsonAsync("/api/contests", new CreateContest("t", [new RoundSpec("r", null, "no-such-bank", ["q1"])]), QuizJson.Options);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_join_qr_encodes_the_join_link_and_an_unknown_code_is_404()
    {
        await using var server = LiveGame.Server(nameof(ContestsApiTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        using var http = server.CreateHttpClient();
        var qr = await http.GetAsync($"/api/join/{contest.JoinCode}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart()[..4]);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/join/000000/qr.svg")).StatusCode);
    }
}
