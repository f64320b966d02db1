using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Contracts.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;

namespace Quiz.Server.Tests.Support;

/// <summary>Sets up a live contest the way an organizer does: a bank imported over HTTP, a contest created over HTTP, a host connected.</summary>
public static class LiveGame
{
    public static readonly Dictionary<string, string?> FastSettings = new()
    {
        ["Quiz:Live:OpenLeadMs"] = "100",
        ["Quiz:SampleBank:Enabled"] = "false",
    };

    public static QuizServer Server(string name, IDictionary<string, string?>? settings = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        new(name, Merge(FastSettings, settings), services);

    /// <summary>Creates a contest of one round from the seeded questions named by key.</summary>
    public static Task<ContestCreated> CreateAsync(QuizServer server, RoundRules rules, params string[] questionKeys) =>
        CreateAsync(server, rules, 1, null, questionKeys);

    /// <summary>The same, with the contest's answers and boards split over <paramref name="shards"/> store slots.</summary>
    public static Task<ContestCreated> CreateAsync(QuizServer server, RoundRules rules, int shards, params string[] questionKeys) =>
        CreateAsync(server, rules, shards, null, questionKeys);

    /// <summary>The same, with the teams, units and districts its participants choose from (Hangzhou's districts when null).</summary>
    public static Task<ContestCreated> CreateAsync(QuizServer server, RoundRules rules, ContestGroups? groups, params string[] questionKeys) =>
        CreateAsync(server, rules, 1, groups, questionKeys);

    /// <summary>The same, split over <paramref name="shards"/> store slots and with <paramref name="groups"/> to choose from.</summary>
    public static async Task<ContestCreated> CreateAsync(QuizServer server, RoundRules rules, int shards, ContestGroups? groups, string[] questionKeys)
    {
        var (bankId, ids) = await ImportBankAsync(server);
        using var http = server.CreateHttpClient();
        return await Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests",
            new CreateContest("测试竞赛", [new RoundSpec("第一轮", rules, bankId, [.. questionKeys.Select(k => ids[k])])], Shards: shards, Groups: groups), QuizJson.Options));
    }

    /// <summary>Imports the seeded bank through the banks API; returns its id and the question id of each key.</summary>
    public static async Task<(string BankId, IReadOnlyDictionary<string, string> Ids)> ImportBankAsync(QuizServer server)
    {
        using var http = server.CreateHttpClient();
        var bank = await Read<BankDto>(await http.PostAsJsonAsync("/api/banks", new BankNameInput("直播测试题库")));
        using var file = new StringContent(SeededQuestions.Json, Encoding.UTF8, "application/json");
        var report = await Read<ImportReportDto>(await http.PostAsync($"/api/banks/{bank.Id}/import?format=json", file));
        Assert.True(report.Ok, string.Join("; ", report.Errors.Select(e => e.Message)));
        var page = await http.GetFromJsonAsync<QuestionPageDto>($"/api/banks/{bank.Id}/questions?pageSize=50", QuizJson.Options);
        return (bank.Id, page!.Items.ToDictionary(q => q.Key!, q => q.Id));
    }

    /// <summary>A server, a one-round contest of the named seeded questions, and its host connected: the start of most live tests.</summary>
    public static Task<LiveSetup> StartAsync(string name, RoundRules rules, params string[] questionKeys) => StartAsync(name, rules, null, questionKeys);

    public static async Task<LiveSetup> StartAsync(string name, RoundRules rules, ContestGroups? groups, params string[] questionKeys)
    {
        var server = Server(name);
        var contest = await CreateAsync(server, rules, groups, questionKeys);
        var (host, session) = await HostAsync(server, contest);
        return new LiveSetup(server, contest, host, session);
    }

    public static async Task<(LiveClient Host, HostSession Session)> HostAsync(QuizServer server, ContestCreated contest)
    {
        var host = await LiveClient.ConnectAsync(server.BaseAddress);
        var session = await host.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contest.ContestId, contest.HostKey));
        return (host, session);
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, QuizJson.Options)!;
    }

    private static Dictionary<string, string?> Merge(IDictionary<string, string?> a, IDictionary<string, string?>? b)
    {
        var merged = new Dictionary<string, string?>(a);
        foreach (var (k, v) in b ?? new Dictionary<string, string?>())
        {
            merged[k] = v;
        }
        return merged;
    }
}
