using System.Diagnostics;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;
using Xunit.Abstractions;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// Real faults on a real local cluster (infra/local-cluster.sh: redis-server, nginx, server nodes): Redis killed and
/// restarted on its append-only file, a node killed, Redis frozen for 10 s. Each test prints its figures (answers
/// sent, acknowledged, stored, lost, scored twice, recovery times); docs/scale-out.md keeps a run of them.
/// </summary>
public sealed class FaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(90);

    [ClusterFact]
    public async Task Redis_killed_mid_round_and_restarted_loses_no_acknowledged_answer_and_scores_none_twice()
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 2);
        var contest = await ClusterContest.CreateAsync(cluster, new RoundRules { TimeLimitSeconds = 60 }, "q-single");
        await using var host = await contest.HostAsync(1);
        await using var screen = await contest.ScreenAsync(2);
        var players = await contest.JoinAsync(40);

        await host.ControlAsync(HostMoves.Start);
        var question = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await host.WaitForServerTimeAsync(question.OpensAtMs);
        // Answers flow over 2 s; Redis dies 0.8 s in and comes back 1 s later on the same append-only file.
        var clock = Stopwatch.StartNew();
        var answers = players.Select(async (p, i) =>
        {
            await Task.Delay(i * 50);
            var result = await p.AnswerAsync(0, ClusterContest.Right["q-single"], GiveUp);
            return (result.Ack, result.Attempts, AckedAt: clock.Elapsed);
        }).ToArray();
        await Task.Delay(800);
        cluster.KillRedis();
        var killedAt = clock.Elapsed;
        await Task.Delay(1000);
        var restart = Stopwatch.StartNew();
        await cluster.RestartRedisAsync();
        var serving = restart.Elapsed;
        var acks = await Task.WhenAll(answers);
        var lastAck = restart.Elapsed;
        await host.ControlAsync(HostMoves.Close);
        // The nodes subscribed again to the restarted Redis: the close on node 1 reaches the screen on node 2.
        await screen.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), c => c.Seq == 0, timeoutMs: 30_000);

        var stored = await contest.StoredAnswersAsync(0);
        var acked = players.Zip(acks).Where(x => x.Second.Ack.Status == AckStatuses.Accepted).ToList();
        var lost = acked.Count(x => !stored.TryGetValue(x.First.Joined.ParticipantId, out var id) || id != x.Second.Ack.AnswerId);
        var logged = await contest.LoggedAnswersAsync();
        var audit = await contest.AuditAsync();
        var board = await contest.BoardAsync();
        output.WriteLine($"redis kill -9 mid-round: sent {players.Length}, acked {acked.Count}, stored {stored.Count}, lost {lost}, " +
            $"scored twice {logged.Count(l => l.Value > 1)}, sent again by phones {acks.Count(a => a.Attempts > 1)}, " +
            $"waiting for Redis at the kill or sent while it was down {acks.Count(a => a.AckedAt > killedAt)}, " +
            $"redis serving {serving.TotalSeconds:0.00} s after restart began, last ack {lastAck.TotalSeconds:0.00} s after");

        Assert.Equal(players.Length, acked.Count); // every answer was sent in time, so every one ends acknowledged
        Assert.Equal(0, lost);
        Assert.Equal(players.Length, stored.Count);
        Assert.All(logged, l => Assert.Equal(1, l.Value));
        Assert.Equal(players.Length, audit.LoggedAnswers);
        Assert.Empty(audit.Differences);
        Assert.All(players, p => Assert.Equal(100, board[p.Joined.ParticipantId]));
        await DisposeAllAsync(players);
    }

    [ClusterFact]
    public async Task Node_killed_mid_round_its_participants_rejoin_elsewhere_keep_their_scores_and_the_question_still_closes()
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 3);
        var contest = await ClusterContest.CreateAsync(cluster, new RoundRules { TimeLimitSeconds = 15 }, "q-single", "q-tf");
        var host = await contest.HostAsync(1); // node 1 opens the questions, then dies
        await using var screen = await contest.ScreenAsync(3);
        var players = await contest.JoinAsync(24);

        // Question 0 on a healthy cluster: everyone right, 100 points each.
        await host.ControlAsync(HostMoves.Start);
        var q0 = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await host.WaitForServerTimeAsync(q0.OpensAtMs);
        Assert.All(await Task.WhenAll(players.Select(p => p.AnswerAsync(0, ClusterContest.Right["q-single"], GiveUp))),
            a => Assert.Equal(AckStatuses.Accepted, a.Ack.Status));
        await host.ControlAsync(HostMoves.Close);
        await host.ControlAsync(HostMoves.Reveal);
        await host.ControlAsync(HostMoves.Next);
        var q1 = await screen.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), q => q.Seq == 1);
        await screen.WaitForServerTimeAsync(q1.OpensAtMs);

        // Half answer, node 1 dies (with the host and its share of the phones), the other half answer after.
        var answeredBefore = players.Where((_, i) => i % 2 == 0).ToHashSet();
        var early = await Task.WhenAll(answeredBefore.Select(p => p.AnswerAsync(1, ClusterContest.Right["q-tf"], GiveUp)));
        cluster.KillNode(1);
        var killedAt = Stopwatch.StartNew();
        var late = await Task.WhenAll(players.Except(answeredBefore).Select(p => p.AnswerAsync(1, ClusterContest.Right["q-tf"], GiveUp)));
        var allAnswered = killedAt.Elapsed;
        var closed = await screen.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), c => c.Seq == 1, timeoutMs: 60_000);
        var moved = players.Where(p => p.Rejoins > 0).ToList();
        var closeDelay = closed.ServerTimeMs - q1.ClosesAtMs;

        var stored = await contest.StoredAnswersAsync(1);
        var board = await contest.BoardAsync();
        var audit = await contest.AuditAsync();
        output.WriteLine($"node kill -9 mid-round: {moved.Count} of {players.Length} participants were on it and rejoined through nginx " +
            $"(slowest {moved.Select(p => p.LastRecovery ?? TimeSpan.Zero).DefaultIfEmpty().Max().TotalSeconds:0.00} s from losing the socket); " +
            $"question 1: sent {players.Length}, acked {early.Concat(late).Count(a => a.Ack.Status == AckStatuses.Accepted)}, stored {stored.Count}, " +
            $"all acked {allAnswered.TotalSeconds:0.00} s after the kill; closed by a backstop {closeDelay} ms after its closing time (grace included)");

        Assert.NotEmpty(moved);
        // They came back while question 1 was open: no standing then (the board may hold its points, so a standing would
        // tell right from wrong); their scores come with the reveal, below.
        Assert.All(moved, p => Assert.Null(p.LastRejoin!.Standing));
        Assert.All(early.Concat(late), a => Assert.Equal(AckStatuses.Accepted, a.Ack.Status));
        Assert.Equal(players.Length, stored.Count);
        Assert.All(players, p => Assert.Equal(200, board[p.Joined.ParticipantId]));
        Assert.Empty(audit.Differences);
        Assert.True(closeDelay >= 0, "closed before its time");
        // The host takes the room again through another node and reveals: their new node sends their standings.
        await using var again = await contest.HostAsync(2);
        await again.ControlAsync(HostMoves.Reveal);
        Assert.All(moved, p => Assert.True(SpinWait.SpinUntil(() => p.Standings.TryGetValue(1, out var s) && s.Score == 200, 30_000)));
        await DisposeAllAsync(players);
        await host.DisposeAsync();
    }

    [ClusterFact]
    public async Task Redis_unreachable_for_10_seconds_shows_reconnecting_loses_nothing_acknowledged_and_the_contest_resumes_by_itself()
    {
        await using var cluster = await LocalCluster.StartAsync(nodes: 2);
        var contest = await ClusterContest.CreateAsync(cluster, new RoundRules { TimeLimitSeconds = 25 }, "q-single");
        await using var host = await contest.HostAsync(1);
        await using var screen = await contest.ScreenAsync(2);
        var players = await contest.JoinAsync(20);

        await host.ControlAsync(HostMoves.Start);
        var question = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await host.WaitForServerTimeAsync(question.OpensAtMs);
        var before = await Task.WhenAll(players.Take(10).Select(p => p.AnswerAsync(0, ClusterContest.Right["q-single"], GiveUp)));

        cluster.PauseRedis(); // the process freezes: sockets stay open, nothing answers
        var paused = Stopwatch.StartNew();
        var pausedAt = DateTimeOffset.UtcNow;
        await Task.Delay(3000);
        var during = players.Skip(10).Select(p => p.AnswerAsync(0, ClusterContest.Right["q-single"], GiveUp)).ToArray();
        var told = SpinWait.SpinUntil(() => players.All(p => p.StoreEvents.Any(s => !s.Status.Available)), TimeSpan.FromSeconds(7));
        var toldAfter = players.SelectMany(p => p.StoreEvents).Where(s => !s.Status.Available).Select(s => s.HeardAt - pausedAt).DefaultIfEmpty().Max();
        var rest = TimeSpan.FromSeconds(10) - paused.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
        cluster.ResumeRedis();
        var resumed = Stopwatch.StartNew();
        var resumedAt = DateTimeOffset.UtcNow;
        var back = SpinWait.SpinUntil(() => players.All(p => p.StoreEvents.LastOrDefault().Status?.Available == true), TimeSpan.FromSeconds(30));
        var backAfter = players.SelectMany(p => p.StoreEvents).Where(s => s.Status.Available).Select(s => s.HeardAt - resumedAt).DefaultIfEmpty().Max();
        var after = await Task.WhenAll(during);
        var ackedAfter = resumed.Elapsed;
        // Nobody touches the room: its timer closes the question once the store is back.
        var closed = await screen.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), c => c.Seq == 0, timeoutMs: 60_000);

        var acks = before.Concat(after).ToList();
        var stored = await contest.StoredAnswersAsync(0);
        var lost = players.Zip(acks).Count(x => x.Second.Ack.Status == AckStatuses.Accepted
            && (!stored.TryGetValue(x.First.Joined.ParticipantId, out var id) || id != x.Second.Ack.AnswerId));
        var audit = await contest.AuditAsync();
        output.WriteLine($"redis frozen 10 s: the last phone told 'unavailable' {toldAfter.TotalSeconds:0.0} s into the freeze ({told}), " +
            $"the last told 'available' {backAfter.TotalSeconds:0.00} s after it ended ({back}); sent {players.Length}, " +
            $"acked {acks.Count(a => a.Ack.Status == AckStatuses.Accepted)}, stored {stored.Count}, lost {lost}; the 10 answers sent " +
            $"during the freeze acked {ackedAfter.TotalSeconds:0.00} s after it ended; question closed by its timer " +
            $"{closed.ServerTimeMs - question.ClosesAtMs} ms after its closing time");

        Assert.True(told, "every phone hears that the store is unavailable");
        Assert.True(back, "every phone hears that the store is back");
        Assert.All(acks, a => Assert.Equal(AckStatuses.Accepted, a.Ack.Status)); // sent in time: accepted, with their arrival time
        Assert.Equal(0, lost);
        Assert.Equal(players.Length, stored.Count);
        Assert.Empty(audit.Differences);
        using var http = new HttpClient();
        Assert.True((await http.GetAsync(new Uri(cluster.Node(1), "/health/ready"))).IsSuccessStatusCode);
        await DisposeAllAsync(players);
    }

    private static async Task DisposeAllAsync(IEnumerable<FaultParticipant> players)
    {
        foreach (var p in players)
        {
            await p.DisposeAsync();
        }
    }
}
