using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Contracts.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Features.Live;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Faults;

/// <summary>A contest on a <see cref="LocalCluster"/>, set up and checked as an organizer would, through nginx.</summary>
public sealed record ClusterContest(LocalCluster Cluster, HttpClient Organizer, ContestCreated Created)
{
    /// <summary>The option id of the right answer to each seeded question used here.</summary>
    public static readonly IReadOnlyDictionary<string, int> Right = new Dictionary<string, int> { ["q-single"] = 2, ["q-tf"] = 1 };

    public static async Task<ClusterContest> CreateAsync(LocalCluster cluster, RoundRules rules, params string[] questionKeys)
    {
        var http = await cluster.OrganizerAsync();
        var bank = await LiveGame.Read<BankDto>(await http.PostAsJsonAsync("/api/banks", new BankNameInput("故障测试题库")));
        using var file = new StringContent(SeededQuestions.Json, Encoding.UTF8, "application/json");
        var report = await LiveGame.Read<ImportReportDto>(await http.PostAsync($"/api/banks/{bank.Id}/import?format=json", file));
        Assert.True(report.Ok);
        var page = await http.GetFromJsonAsync<QuestionPageDto>($"/api/banks/{bank.Id}/questions?pageSize=50", QuizJson.Options);
        var ids = page!.Items.ToDictionary(q => q.Key!, q => q.Id);
        var created = await LiveGame.Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests",
            new CreateContest("故障演练", [new RoundSpec("第一轮", rules, bank.Id, [.. questionKeys.Select(k => ids[k])])]), QuizJson.Options));
        return new ClusterContest(cluster, http, created);
    }

    public string Id => Created.ContestId;

    /// <summary>A host console connected straight to node <paramref name="node"/> (so a test knows where it is).</summary>
    public async Task<LiveClient> HostAsync(int node)
    {
        var host = await LiveClient.ConnectAsync(Cluster.Node(node));
        await host.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(Id, Created.HostKey));
        return host;
    }

    /// <summary>A big screen connected straight to node <paramref name="node"/>.</summary>
    public async Task<LiveClient> ScreenAsync(int node)
    {
        var screen = await LiveClient.ConnectAsync(Cluster.Node(node));
        await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, Created.JoinCode);
        return screen;
    }

    public Task<FaultParticipant[]> JoinAsync(int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i => FaultParticipant.JoinAsync(Cluster.Address, Created.JoinCode, $"P{i:00}")));

    /// <summary>What Redis holds for question <paramref name="seq"/>: participant id to the stored answer id.</summary>
    public async Task<Dictionary<string, string>> StoredAnswersAsync(int seq)
    {
        await using var redis = await Cluster.RedisAsync();
        var entries = await redis.GetDatabase().HashGetAllAsync($"quiz:{{c:{Id}}}:a:{seq}");
        return entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString().Split('|')[0]);
    }

    /// <summary>Accepted answers in the contest log per participant and question: more than one is an answer scored twice.</summary>
    public async Task<Dictionary<(string Pid, int Seq), int>> LoggedAnswersAsync()
    {
        await using var redis = await Cluster.RedisAsync();
        var lines = await redis.GetDatabase().ListRangeAsync($"quiz:{{c:{Id}}}:log");
        return lines.Select(l => JsonDocument.Parse(l.ToString()).RootElement)
            .Where(e => e.GetProperty("t").GetString() == "answer")
            .GroupBy(e => (e.GetProperty("pid").GetString()!, e.GetProperty("seq").GetInt32()))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>The server's own audit: every board rebuilt from the log and compared with the live one.</summary>
    public async Task<BoardAuditReport> AuditAsync() =>
        await LiveGame.Read<BoardAuditReport>(await Organizer.PostAsync($"/api/contests/{Id}/audit", null));

    /// <summary>Every participant's score on the stored board.</summary>
    public async Task<Dictionary<string, double>> BoardAsync() =>
        (await LiveGame.Read<Leaderboard>(await Organizer.GetAsync($"/api/contests/{Id}/board?top=1000"))).Persons.ToDictionary(p => p.Id, p => p.Score);
}
