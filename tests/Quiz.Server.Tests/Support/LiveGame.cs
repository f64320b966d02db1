using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;

namespace Quiz.Server.Tests.Support;

/// <summary>Sets up a live contest on a server: creates it over HTTP and connects its host.</summary>
public static class LiveGame
{
    public static readonly Dictionary<string, string?> FastSettings = new() { ["Quiz:Live:OpenLeadMs"] = "100" };

    public static QuizServer Server(string name, IDictionary<string, string?>? settings = null) =>
        new(name, Merge(FastSettings, settings), services => services.AddSingleton<IQuestionSource, SeededQuestions>());

    public static async Task<ContestCreated> CreateAsync(QuizServer server, RoundRules rules, params string[] questionIds)
    {
        using var http = server.CreateHttpClient();
        var response = await http.PostAsJsonAsync("/api/contests",
            new CreateContest("测试竞赛", [new RoundSpec("第一轮", rules, SeededQuestions.BankId, questionIds)]), QuizJson.Options);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ContestCreated>(QuizJson.Options))!;
    }

    public static async Task<(LiveClient Host, HostSession Session)> HostAsync(QuizServer server, ContestCreated contest)
    {
        var host = await LiveClient.ConnectAsync(server.BaseAddress);
        var session = await host.Connection.InvokeAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contest.ContestId, contest.HostKey));
        return (host, session);
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
