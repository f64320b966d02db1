using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>Two server nodes on one Redis with SignalR's Redis backplane: the host on one, participants on the other.</summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task Host_on_one_node_and_participants_on_another_play_one_contest()
    {
        var shared = new Dictionary<string, string?> { ["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(TwoNodeTests)) };
        await using var nodeA = LiveGame.Server(nameof(TwoNodeTests), shared);
        await using var nodeB = LiveGame.Server(nameof(TwoNodeTests), shared);
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 30 }, "q-single", "q-tf");
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await using var _h = host;
        var players = await Task.WhenAll(Enumerable.Range(0, 5).Select(async i =>
        {
            var client = await LiveClient.ConnectAsync(nodeB.BaseAddress, messagePack: i % 2 == 0);
            await client.JoinAsync(contest.JoinCode, $"B{i}", district: "滨江区");
            return client;
        }));

        await host.ControlAsync(HostMoves.Start);
        var views = await Task.WhenAll(players.Select(p => p.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened))));
        await players[0].WaitForServerTimeAsync(views[0].OpensAtMs);
        var acks = await Task.WhenAll(players.Select((p, i) => p.AnswerAsync(0, [i < 3 ? 2 : 0])));
        Assert.All(acks, a => Assert.Equal(AckStatuses.Accepted, a.Status));
        var count = await host.NextAsync<AnswerCount>(nameof(IQuizClient.AnswerCountChanged), c => c.Answers == 5);
        Assert.Equal(5, count.Participants);

        await host.ControlAsync(HostMoves.Close);
        await host.ControlAsync(HostMoves.Reveal);
        var reveals = await Task.WhenAll(players.Select(p => p.NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed))));
        Assert.All(reveals, r => Assert.Equal(3, r.Correct));
        await host.ControlAsync(HostMoves.Board);
        var standings = await Task.WhenAll(players.Select(p => p.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), s => s.Rank > 0)));
        Assert.Equal([100, 100, 100, 0, 0], standings.Select(s => s.Score));
        Assert.All(standings.Take(3), s => Assert.True(s.Rank <= 3));
        var board = await host.NextAsync<Leaderboard>(nameof(IQuizClient.LeaderboardShown));
        Assert.Equal(60, Assert.Single(board.Districts).MeanPerHead);
        // Boards go to hosts and big screens; a phone gets its own standing, not the board.
        Assert.DoesNotContain(players[4].Log, e => e.Event == nameof(IQuizClient.LeaderboardShown));

        foreach (var player in players)
        {
            await player.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_node_started_mid_question_closes_it_on_time_when_the_node_that_opened_it_is_gone()
    {
        var shared = new Dictionary<string, string?> { ["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(TwoNodeTests)) };
        var nodeA = LiveGame.Server(nameof(TwoNodeTests), shared);
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 15 }, "q-single", "q-tf");
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await host.ControlAsync(HostMoves.Start);
        var opened = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        // The only node that knew the question was open goes away before its time is up (a restart, a crash). 15 s
        // leaves a busy machine time to start node B before the close is due (past it, the snapshot reads closed).
        await host.DisposeAsync();
        await nodeA.DisposeAsync();

        await using var nodeB = LiveGame.Server(nameof(TwoNodeTests), shared);
        var (hostAgain, session) = await LiveGame.HostAsync(nodeB, contest);
        await using var _h = hostAgain;
        Assert.Equal(RoomStatuses.Open, session.Room.State.Status);
        var closed = await hostAgain.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), timeoutMs: 40_000);
        Assert.Equal(opened.Seq, closed.Seq);
        var room = await hostAgain.ControlAsync(HostMoves.Reveal);
        Assert.Equal(RoomStatuses.Revealed, room.Status);
    }

    [Fact]
    public async Task The_screens_answer_count_goes_on_when_the_node_that_opened_the_question_dies()
    {
        var shared = new Dictionary<string, string?> { ["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(TwoNodeTests)) };
        var nodeA = LiveGame.Server(nameof(TwoNodeTests), shared);
        await using var nodeB = LiveGame.Server(nameof(TwoNodeTests), shared);
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 20 }, "q-single", "q-tf");
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await using var screen = await LiveClient.ConnectAsync(nodeB.BaseAddress);
        await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, contest.JoinCode);
        await using var player = await LiveClient.ConnectAsync(nodeB.BaseAddress);
        await player.JoinAsync(contest.JoinCode, "滨江一号", district: "滨江区");

        await host.ControlAsync(HostMoves.Start);
        var opened = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await screen.NextAsync<AnswerCount>(nameof(IQuizClient.AnswerCountChanged), c => c.Answers == 0);
        await host.DisposeAsync();
        await nodeA.DisposeAsync(); // the opener, and the count's sender until now

        await player.WaitForServerTimeAsync(opened.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await player.AnswerAsync(0, [2])).Status);
        var count = await screen.NextAsync<AnswerCount>(nameof(IQuizClient.AnswerCountChanged), c => c.Answers == 1, timeoutMs: 15_000);
        Assert.Equal(1, count.Participants);
        var closed = await screen.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), timeoutMs: 30_000);
        Assert.Equal(1, closed.Answers);
    }
}

