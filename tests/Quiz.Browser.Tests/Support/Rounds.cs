using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Quiz.Server.Tests.Support;

namespace Quiz.Browser.Tests.Support;

/// <summary>An online round over the REST API: the seeded bank, a round drawing three of its questions, a roster of one.</summary>
public static class Rounds
{
    public sealed record Created(string ContestId, string Code)
    {
        /// <summary>A second person's code, for a round created with two on its roster.</summary>
        public string Second { get; init; } = "";
    }

    public static Task<Created> CreateAsync(QuizServer server, int timeLimitSeconds, string results = "Immediately") =>
        CreateAsync(server, timeLimitSeconds, results, review: false, now: DateTimeOffset.UtcNow);

    /// <summary>As above; <paramref name="review"/> lets people review their paper after release; the window is from a minute before <paramref name="now"/> to an hour after.</summary>
    public static async Task<Created> CreateAsync(QuizServer server, int timeLimitSeconds, string results, bool review, DateTimeOffset now)
    {
        using var http = server.CreateHttpClient();
        var bank = await ReadAsync(await http.PostAsJsonAsync("/api/banks", new { name = "网络竞赛题库" }));
        var bankId = bank["id"]!.GetValue<string>();
        using var file = new StringContent(SeededQuestions.Json, Encoding.UTF8, "application/json");
        await ReadAsync(await http.PostAsync($"/api/banks/{bankId}/import?format=json", file));
        var created = await ReadAsync(await http.PostAsJsonAsync("/api/rounds", new
        {
            title = "职工网络科普知识竞赛",
            opensAt = now.AddMinutes(-1),
            closesAt = now.AddHours(1),
            timeLimitSeconds,
            bankId,
            blueprint = new[] { new { count = 3 } },
            results,
            review,
        }));
        var contestId = created["contestId"]!.GetValue<string>();
        var codes = await ReadAsync(await http.PostAsJsonAsync($"/api/contests/{contestId}/roster",
            new[] { new { name = "周师傅", staffId = "GH-0001", unit = "市电力公司", district = "拱墅区" }, new { name = "陈阿姨", staffId = "GH-0002", unit = "市电力公司", district = "拱墅区" } }));
        return new Created(contestId, codes[0]!["code"]!.GetValue<string>()) { Second = codes[1]!["code"]!.GetValue<string>() };
    }

    /// <summary>A literacy assessment made in one step (POST /api/assessments) on the shipped questionnaire, with a roster of one.</summary>
    public static async Task<Created> CreateAssessmentAsync(QuizServer server)
    {
        var bankId = await ImportQuestionnaireAsync(server);
        using var http = server.CreateHttpClient();
        var created = await ReadAsync(await http.PostAsJsonAsync("/api/assessments", new
        {
            title = "科学素质测评",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddHours(1),
            timeLimitSeconds = 1800,
            bankId,
        }));
        var contestId = created["round"]!["contestId"]!.GetValue<string>();
        var codes = await ReadAsync(await http.PostAsJsonAsync($"/api/contests/{contestId}/roster",
            new[] { new { name = "吴老师", staffId = "KP-0001", unit = "市科技馆", district = "上城区" } }));
        return new Created(contestId, codes[0]!["code"]!.GetValue<string>());
    }

    /// <summary>
    /// The questionnaire the server ships (embedded in it), imported under the shipped bank's name as the server's own
    /// import at start would, which browser tests turn off; returns the bank id.
    /// </summary>
    public static async Task<string> ImportQuestionnaireAsync(QuizServer server)
    {
        using var http = server.CreateHttpClient();
        var bank = await ReadAsync(await http.PostAsJsonAsync("/api/banks", new { name = "科学素质测评题库" }));
        var bankId = bank["id"]!.GetValue<string>();
        await using var questionnaire = typeof(Program).Assembly.GetManifestResourceStream("AssessmentData.literacy-assessment.json")!;
        using var file = new StreamContent(questionnaire);
        await ReadAsync(await http.PostAsync($"/api/banks/{bankId}/import?format=json", file));
        return bankId;
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
