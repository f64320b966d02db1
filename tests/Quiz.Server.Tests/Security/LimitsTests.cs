using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>Limits: message size, answer flood, join admission. Each hits only the caller that passes it.</summary>
public sealed class LimitsTests
{
    [Fact]
    public async Task A_flood_from_one_connection_is_throttled_while_others_answers_still_pass()
    {
        // No refill during the flood: the burst of 10 is all a connection gets, however slowly a busy machine works
        // through the 40 calls (with the default 5 a second, a slow run let more through and the count drifted).
        var server = LiveGame.Server(nameof(LimitsTests), new Dictionary<string, string?> { ["Quiz:Live:AnswersPerSecond"] = "0.001" });
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        var (host, session) = await LiveGame.HostAsync(server, contest);
        await using var game = new LiveSetup(server, contest, host, session);
        var (flooder, honest) = await TwoPlayersOnAnOpenQuestionAsync(game, "刷屏", "老实人");
        await using var _f = flooder;
        await using var _h = honest;

        var flood = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            try
            {
                return (await flooder.AnswerAsync(0, [1])).Status;
            }
            catch (HubException ex) when (ex.Message.Contains("rate_limited", StringComparison.Ordinal))
            {
                return "rate_limited";
            }
        }));
        Assert.Equal(30, flood.Count(s => s == "rate_limited"));
        Assert.Single(flood, AckStatuses.Accepted);
        Assert.Equal(AckStatuses.Accepted, (await honest.AnswerAsync(0, [2])).Status);
    }

    [Fact]
    public async Task An_oversized_message_closes_only_that_connection_and_the_server_stays_healthy()
    {
        await using var game = await LiveGame.StartAsync(nameof(LimitsTests), new RoundRules(), "q-fill");
        var (big, other) = await TwoPlayersOnAnOpenQuestionAsync(game, "大块头", "普通人");
        await using var _b = big;
        await using var _o = other;

        var closed = new TaskCompletionSource();
        big.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await Assert.ThrowsAnyAsync<Exception>(() => big.AnswerAsync(0, text: new string('长', 20_000)));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, big.Connection.State);

        Assert.Equal(AckStatuses.Accepted, (await other.AnswerAsync(0, text: SeededQuestions.SecretFill)).Status);
        Assert.Equal(RoomStatuses.Closed, (await game.Host.ControlAsync(HostMoves.Close)).Status);
        using var http = game.Server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Joins_past_the_admission_rate_are_told_busy_and_get_in_on_retry()
    {
        await using var server = LiveGame.Server(nameof(LimitsTests), new Dictionary<string, string?> { ["Quiz:Live:MaxJoinsPerSecond"] = "3" });
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => LiveClient.ConnectAsync(server.BaseAddress)));
        try
        {
            var outcomes = await Task.WhenAll(clients.Select(async (c, i) =>
            {
                try
                {
                    await c.JoinAsync(contest.JoinCode, $"人{i}");
                    return "joined";
                }
                catch (HubException ex)
                {
                    return ex.Message;
                }
            }));
            var busy = outcomes.Where(o => o != "joined").ToList();
            Assert.NotEmpty(busy);
            Assert.All(busy, m => Assert.Contains("busy", m, StringComparison.Ordinal));
            await Task.Delay(1100);
            var retry = clients[Array.FindIndex(outcomes, o => o != "joined")];
            Assert.NotNull(await retry.JoinAsync(contest.JoinCode, "重试者"));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>Two participants joined, the first question started and open for answers.</summary>
    private static async Task<(LiveClient First, LiveClient Second)> TwoPlayersOnAnOpenQuestionAsync(LiveSetup game, string first, string second)
    {
        var a = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var b = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await a.JoinAsync(game.Contest.JoinCode, first);
        await b.JoinAsync(game.Contest.JoinCode, second);
        await game.Host.ControlAsync(HostMoves.Start);
        var view = await b.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await b.WaitForServerTimeAsync(view.OpensAtMs);
        return (a, b);
    }
}
