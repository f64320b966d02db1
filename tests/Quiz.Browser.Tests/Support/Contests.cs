using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.Playwright;
using Quiz.Server.Tests.Support;

namespace Quiz.Browser.Tests.Support;

/// <summary>What an organizer sets up before a game, over the REST API: the seeded bank and a contest of some of its questions.</summary>
public static class Contests
{
    public sealed record Created(string ContestId, string JoinCode, string HostKey);

    /// <summary>The host console on a laptop and one phone joined by code and nickname, waiting in the lobby.</summary>
    public static async Task<(IPage Host, IPage Phone)> HostAndPhoneAsync(BrowserSession browser, QuizServer server, Created contest, string nickname)
    {
        var host = await browser.LaptopAsync(server.BaseAddress);
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Assertions.Expect(host.Locator("#join-code")).ToHaveTextAsync(contest.JoinCode);
        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync($"/play?code={contest.JoinCode}");
        await phone.Locator("#nickname").FillAsync(nickname);
        await phone.Locator("#join-button").ClickAsync();
        await Assertions.Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        return (host, phone);
    }

    public static Task<Created> CreateAsync(QuizServer server, object rules, params string[] keys) => CreateAsync(server, rules, null, keys);

    /// <summary>A contest of one round; with <paramref name="stage"/>, a stage contest (teams and the round's segment).</summary>
    public static Task<Created> CreateAsync(QuizServer server, object rules, object? stage, params string[] keys) =>
        CreateRoundsAsync(server, rules, stage, [keys]);

    /// <summary>A contest of one round whose participants choose from <paramref name="groups"/> (POST /api/contests's groups).</summary>
    public static Task<Created> CreateWithGroupsAsync(QuizServer server, object rules, object groups, params string[] keys) =>
        CreateRoundsAsync(server, rules, null, [keys], groups);

    /// <summary>A contest of a round per list of question keys, all under the same rules; <paramref name="stage"/> as above, a segment per round.</summary>
    public static Task<Created> CreateRoundsAsync(QuizServer server, object rules, object? stage, IReadOnlyList<string[]> rounds, object? groups = null) =>
        CreateRoundsAsync(server, rules, stage, rounds, SeededQuestions.Json, groups);

    /// <summary>As above, with questions from <paramref name="bankJson"/> (the JSON import format) instead of the seeded bank.</summary>
    public static async Task<Created> CreateRoundsAsync(QuizServer server, object rules, object? stage, IReadOnlyList<string[]> rounds, string bankJson, object? groups = null)
    {
        using var http = server.CreateHttpClient();
        var bank = await ReadAsync(await http.PostAsJsonAsync("/api/banks", new { name = "浏览器测试题库" }));
        var bankId = bank["id"]!.GetValue<string>();
        using var file = new StringContent(bankJson, Encoding.UTF8, "application/json");
        await ReadAsync(await http.PostAsync($"/api/banks/{bankId}/import?format=json", file));
        var page = await ReadAsync(await http.GetAsync($"/api/banks/{bankId}/questions?pageSize=50"));
        var ids = page["items"]!.AsArray().ToDictionary(q => q!["key"]!.GetValue<string>(), q => q!["id"]!.GetValue<string>());
        var created = await ReadAsync(await http.PostAsJsonAsync("/api/contests", new
        {
            title = "全民科学素质知识竞赛",
            rounds = rounds.Select((keys, i) => new { title = $"第{i + 1}轮", rules, bankId, questionIds = keys.Select(k => ids[k]).ToArray() }).ToArray(),
            stage,
            groups,
        }));
        return new Created(created["contestId"]!.GetValue<string>(), created["joinCode"]!.GetValue<string>(), created["hostKey"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions())!;
    }
}
