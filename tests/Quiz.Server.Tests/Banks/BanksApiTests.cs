using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Banks;

public sealed class BanksApiTests : IAsyncLifetime
{
    private QuizServer _server = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _server = new QuizServer(nameof(BanksApiTests), BankClient.NoSample());
        _http = _server.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Banks_are_created_listed_renamed_and_deleted()
    {
        var bank = await _http.CreateBankAsync("安全生产");
        Assert.Contains(await _http.GetFromJsonAsync<BankDto[]>("/api/banks", BankClient.Json) ?? [], b => b.Id == bank.Id);
        var renamed = await (await _http.PutAsJsonAsync($"/api/banks/{bank.Id}", new BankNameInput("安全生产知识"))).Content.ReadFromJsonAsync<BankDto>(BankClient.Json);
        Assert.Equal("安全生产知识", renamed!.Name);
        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"/api/banks/{bank.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"/api/banks/{bank.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsJsonAsync("/api/banks", new BankNameInput(" "))).StatusCode);
    }

    [Fact]
    public async Task Questions_are_added_edited_retired_and_read_by_contests()
    {
        var bank = await _http.CreateBankAsync("题目");
        var input = new QuestionInput { Key = "k1", Type = "单选", Stem = "光速约为每秒多少千米?", Options = ["3万", "30万"], Answer = "B", Difficulty = 2 };
        var created = await Read<QuestionDto>(await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input), HttpStatusCode.Created);
        Assert.Equal(("single", "B", 1), (created.Type, created.Answer, created.Version));

        var same = await Read<QuestionDto>(await _http.PutAsJsonAsync($"/api/banks/{bank.Id}/questions/{created.Id}", input), HttpStatusCode.OK);
        Assert.Equal(1, same.Version);
        var edited = await Read<QuestionDto>(await _http.PutAsJsonAsync($"/api/banks/{bank.Id}/questions/{created.Id}", input with { Explanation = "约30万千米" }), HttpStatusCode.OK);
        Assert.Equal(2, edited.Version);

        var duplicate = await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var source = _server.Services.GetRequiredService<IQuestionSource>();
        Assert.Single(await source.GetActiveQuestionsAsync(bank.Id, default));
        var retired = await Read<QuestionDto>(await _http.PostAsync($"/api/banks/{bank.Id}/questions/{created.Id}/retire", null), HttpStatusCode.OK);
        Assert.True(retired.Retired);
        Assert.Empty(await source.GetActiveQuestionsAsync(bank.Id, default));
        Assert.True((await source.GetQuestionsAsync(bank.Id, [created.Id], default))[0].Retired);
        Assert.Equal(0, (await _http.SearchAsync(bank.Id)).Total);
        Assert.Equal(1, (await _http.SearchAsync(bank.Id, "includeRetired=true")).Total);
    }

    [Fact]
    public async Task Concurrent_writers_to_one_bank_lose_nothing()
    {
        var bank = await _http.CreateBankAsync("并发");
        var writes = Enumerable.Range(0, 8).Select(i => _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions",
            new QuestionInput { Type = "fill", Stem = $"并发写入 {i} ____", Answer = $"答{i}" }));
        Assert.All(await Task.WhenAll(writes), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(8, (await _http.SearchAsync(bank.Id)).Total);
    }

    [Fact]
    public async Task A_bad_question_gets_every_field_error()
    {
        var bank = await _http.CreateBankAsync("校验");
        var response = await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions",
            new QuestionInput { Type = "选择", Stem = "", Answer = "Z", Difficulty = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("type", fields);
        Assert.Contains("stem", fields);
        Assert.Contains("difficulty", fields);
    }

    [Fact]
    public async Task Search_filters_and_pages()
    {
        var bank = await _http.CreateBankAsync("检索");
        for (var i = 0; i < 25; i++)
        {
            var input = new QuestionInput
            {
                Type = i % 2 == 0 ? "single" : "truefalse", Stem = $"第{i}题 {(i % 5 == 0 ? "碳中和" : "健康")}",
                Options = i % 2 == 0 ? ["甲", "乙"] : null, Answer = i % 2 == 0 ? "A" : "对",
                Category = i < 10 ? "双碳/概念" : "健康", Tags = [i % 3 == 0 ? "三" : "other"], Difficulty = 1 + (i % 5),
            };
            (await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input)).EnsureSuccessStatusCode();
        }
        Assert.Equal(25, (await _http.SearchAsync(bank.Id)).Total);
        var page3 = await _http.SearchAsync(bank.Id, "page=3&pageSize=10");
        Assert.Equal((25, 5), (page3.Total, page3.Items.Count));
        Assert.Equal(10, (await _http.SearchAsync(bank.Id, "category=双碳")).Total);
        Assert.Equal(13, (await _http.SearchAsync(bank.Id, "type=single")).Total);
        Assert.Equal(9, (await _http.SearchAsync(bank.Id, "tag=三")).Total);
        Assert.Equal(5, (await _http.SearchAsync(bank.Id, "difficulty=1")).Total);
        Assert.Equal(5, (await _http.SearchAsync(bank.Id, "text=碳中和")).Total);
        Assert.Equal(1, (await _http.SearchAsync(bank.Id, "category=双碳&type=single&difficulty=1")).Total); // only 第0题
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.GetAsync($"/api/banks/{bank.Id}/questions?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task Papers_are_reproducible_and_a_short_bank_says_which_rule()
    {
        var bank = await _http.CreateBankAsync("组卷");
        for (var i = 0; i < 6; i++)
        {
            (await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions",
                new QuestionInput { Type = "multiple", Stem = $"多选{i}", Options = ["甲", "乙", "丙"], Answer = "AB", Difficulty = 4 })).EnsureSuccessStatusCode();
        }
        var first = await Read<PaperDto>(await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/papers",
            new BlueprintInput([new BlueprintRuleDto(4, "multiple", 4)])), HttpStatusCode.OK);
        var again = await Read<PaperDto>(await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/papers",
            new BlueprintInput([new BlueprintRuleDto(4, "multiple", 4)], first.Seed)), HttpStatusCode.OK);
        Assert.Equal(first.Items.Select(i => i.QuestionId + string.Join(',', i.OptionOrder)), again.Items.Select(i => i.QuestionId + string.Join(',', i.OptionOrder)));

        var shortResponse = await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/papers",
            new BlueprintInput([new BlueprintRuleDto(4, "multiple"), new BlueprintRuleDto(5, "multiple", Category: "健康")]));
        var report = await Read<ShortfallReportDto>(shortResponse, HttpStatusCode.Conflict);
        var shortfall = Assert.Single(report.Shortfalls);
        Assert.Equal((2, 5, 0, 5), (shortfall.Rule, shortfall.Wanted, shortfall.Available, shortfall.Short));
        Assert.Contains("5 short", shortfall.Message);
    }

    [Fact]
    public async Task The_api_reference_and_openapi_document_describe_the_banks()
    {
        var openApi = await _http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/banks/{bankId}/import", openApi);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/scalar/")).StatusCode);
    }

    [Fact]
    public async Task The_table_of_reasons_is_served_in_both_languages()
    {
        var texts = (await _http.GetFromJsonAsync<ReasonTextDto[]>("/api/banks/reasons", BankClient.Json))!;
        Assert.Equal(BankReasons.All.Select(r => r.Code), texts.Select(t => t.Code));
        var notAnOption = Assert.Single(texts, t => t.Code == "answer.notAnOption");
        Assert.Equal(("answer {letter} is not among the options (there are {count}, A-{last})", "答案“{letter}”不是有效选项（该题只有 A–{last}）"),
            (notAnOption.English, notAnOption.Chinese));
        // The contest-setup table is served the same way, from its own endpoint, with the typed-text reasons (team names).
        var stage = (await _http.GetFromJsonAsync<ReasonTextDto[]>("/api/contests/stage-reasons", BankClient.Json))!;
        Assert.Equal(Quiz.Core.Stage.StageReasons.All.Concat(Quiz.Core.Common.TextReasons.All).Select(r => r.Code), stage.Select(t => t.Code));
    }

    [Fact]
    public async Task A_bad_question_and_a_taken_key_carry_codes()
    {
        var bank = await _http.CreateBankAsync("edits");
        var bad = await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions",
            new QuestionInput { Type = "单选", Stem = "题", Options = ["甲"], Answer = "A", Difficulty = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().ToList();
        var count = Assert.Single(errors, e => e.GetProperty("code").GetString() == "options.count");
        Assert.Equal(("options", "1"), (count.GetProperty("field").GetString(), count.GetProperty("args").GetProperty("count").GetString()));
        var difficulty = Assert.Single(errors, e => e.GetProperty("code").GetString() == "difficulty.invalid");
        Assert.Equal("7", difficulty.GetProperty("args").GetProperty("value").GetString());

        var input = new QuestionInput { Key = "k1", Type = "判断", Stem = "水是液体。", Answer = "对" };
        (await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input)).EnsureSuccessStatusCode();
        var taken = await _http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        var problem = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("duplicate_key", "key.taken", "k1"),
            (problem.GetProperty("code").GetString(), problem.GetProperty("reason").GetString(), problem.GetProperty("args").GetProperty("key").GetString()));

        var unnamed = await _http.PostAsJsonAsync("/api/banks", new BankNameInput(" "));
        var nameError = (await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal(("name", "name.empty"), (nameError.GetProperty("field").GetString(), nameError.GetProperty("code").GetString()));
    }

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>(BankClient.Json))!;
    }
}
