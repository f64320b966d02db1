using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// One question on two nodes and a Redis Cluster with a replica per master: phones answer a stream, the master holding
/// the contest's slot is killed (kill -9) half way, its replica is promoted, the phones send again what was not
/// acknowledged (same answer ids, as the page does), and the run counts what was acknowledged and what the promoted
/// replica holds. With <c>cutReplica</c> the replica is first cut off (SIGSTOP, and its link dropped by the master, so
/// nothing more reaches it), the worst case: every write from then on exists on the master alone when it dies.
/// </summary>
public static class FailoverRun
{
    private const int Phones = 40;
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(120);

    /// <param name="thenRejoin">Afterwards start the killed master again (it rejoins as a replica) and play one more question.</param>
    public static async Task<FailoverResult> PlayAsync(int ackAfterReplicas, int shards, bool cutReplica, Action<string> log, bool thenRejoin = false)
    {
        var setup = Stopwatch.StartNew();
        await using var cluster = await LocalRedisCluster.StartAsync(replicas: true, nodeTimeoutMs: 2000);
        using var waits = new ReplicaWaitCounts();
        var settings = new Dictionary<string, string?>
        {
            // Waits far longer than a replica on loopback takes, so only a replica that is really gone makes one run out.
            ["ConnectionStrings:Redis"] = cluster.ConnectionString + ",asyncTimeout=15000",
            ["Quiz:Redis:AckAfterReplicas"] = ackAfterReplicas.ToString(CultureInfo.InvariantCulture),
            ["Quiz:Redis:ReplicaWaitMs"] = "5000",
        };
        await using var nodeA = LiveGame.Server(nameof(FailoverRun), settings);
        await using var nodeB = LiveGame.Server(nameof(FailoverRun), new Dictionary<string, string?>(settings) { ["Quiz:Redis:KeyPrefix"] = nodeA.KeyPrefix });
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 120 }, shards, "q-single", "q-tf");
        var id = contest.ContestId;
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await using var _h = host;
        var phones = await Task.WhenAll(Enumerable.Range(0, Phones).Select(i =>
            FaultParticipant.JoinAsync((i % 2 == 0 ? nodeA : nodeB).BaseAddress, contest.JoinCode, $"F{i:00}")));

        log($"set up in {setup.Elapsed.TotalSeconds:0.0} s");
        var keys = new RedisKeys(nodeA.KeyPrefix);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.EveryProcess + ",allowAdmin=true,abortConnect=false");
        var masterPort = PortOf(redis.GetServer((RedisKey)keys.Room(id)));
        var replicaPort = cluster.ReplicaPortOf(masterPort);
        var master = redis.GetServer("127.0.0.1", masterPort);
        var replica = redis.GetServer("127.0.0.1", replicaPort);
        var doomed = Enumerable.Range(0, shards).Where(k => PortOf(redis.GetServer((RedisKey)keys.Answers(id, 0, k))) == masterPort).ToHashSet();

        await host.ControlAsync(HostMoves.Start);
        var question = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await host.WaitForServerTimeAsync(question.OpensAtMs);
        await CaughtUpAsync(master, replica); // the joins and the opening are on the replica: what follows is about answers
        if (cutReplica)
        {
            cluster.Pause(replicaPort);
            await master.ExecuteAsync("CLIENT", "KILL", "TYPE", "replica");
        }

        // A stream of answers, one every 40 ms; the master dies once half are sent and it holds at least one of them.
        var clock = Stopwatch.StartNew();
        var started = 0;
        var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var answers = phones.Select(async (p, i) =>
        {
            await Task.Delay(i * 40);
            if (Interlocked.Increment(ref started) == Phones / 2)
            {
                halfSent.TrySetResult();
            }
            var (ack, attempts) = await p.AnswerAsync(0, ClusterContest.Right["q-single"], GiveUp);
            return new Answered(p.Joined.ParticipantId, ack, attempts, clock.Elapsed);
        }).ToArray();
        await halfSent.Task.WaitAsync(GiveUp);
        await UntilAsync(async () => (await Task.WhenAll(doomed.Select(k => master.ExecuteAsync("HLEN", (RedisKey)keys.Answers(id, 0, k))))).Sum(r => (long)r) > 0);
        cluster.Kill(masterPort);
        var killedAt = clock.Elapsed;
        if (cutReplica)
        {
            cluster.Resume(replicaPort);
        }
        var acks = await Task.WhenAll(answers);
        var lastAck = acks.Max(a => a.At) - killedAt;
        await host.ControlAsync(HostMoves.Close); // a move on the promoted master
        await host.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), c => c.Seq == 0, timeoutMs: 60_000);

        // A client of its own that learns the cluster anew, so it reads from the promoted replica.
        await using var after = await ConnectionMultiplexer.ConnectAsync(cluster.ConnectionString + ",abortConnect=false");
        var stored = new Dictionary<string, string>();
        var logged = new Dictionary<string, int>();
        for (var k = 0; k < shards; k++)
        {
            foreach (var e in await after.GetDatabase().HashGetAllAsync(keys.Answers(id, 0, k)))
            {
                stored[e.Name.ToString()] = e.Value.ToString().Split('|')[0];
            }
            foreach (var line in await after.GetDatabase().ListRangeAsync(keys.Log(id, k)))
            {
                var entry = JsonDocument.Parse(line.ToString()).RootElement;
                if (entry.GetProperty("t").GetString() == "answer")
                {
                    var pid = entry.GetProperty("pid").GetString()!;
                    logged[pid] = logged.GetValueOrDefault(pid) + 1;
                }
            }
        }
        using var http = nodeB.CreateHttpClient();
        var audit = await LiveGame.Read<BoardAuditReport>(await http.PostAsync($"/api/contests/{id}/audit", null));
        var accepted = acks.Where(a => a.Ack.Status == AckStatuses.Accepted).ToList();
        var onDoomed = acks.Where(a => doomed.Contains(ContestShards.Of(a.ParticipantId, shards))).ToList();
        var afterRejoin = thenRejoin ? await RejoinAndPlayAsync(cluster, masterPort, host, phones, waits) : null;
        foreach (var p in phones)
        {
            await p.DisposeAsync();
        }
        return new FailoverResult(
            Sent: Phones,
            Acked: accepted.Count,
            Stored: stored.Count,
            Lost: accepted.Count(a => !stored.TryGetValue(a.ParticipantId, out var answerId) || answerId != a.Ack.AnswerId),
            ScoredTwice: logged.Count(l => l.Value > 1),
            OnKilledMaster: onDoomed.Count,
            AckedOnKilledMasterBeforeKill: onDoomed.Count(a => a.At < killedAt),
            SentAgainByPhones: acks.Count(a => a.Attempts > 1),
            LastAckAfterKill: lastAck,
            Waits: waits.Snapshot(),
            AuditDifferences: audit.Differences.Count,
            AfterRejoin: afterRejoin);
    }

    /// <summary>The killed master back as a replica; one more question: how it was acknowledged, and the waits it caused.</summary>
    private static async Task<Rejoined> RejoinAndPlayAsync(LocalRedisCluster cluster, int port, LiveClient host, FaultParticipant[] phones, ReplicaWaitCounts waits)
    {
        await cluster.StartAgainAsync(port);
        var before = waits.Snapshot();
        await host.ControlAsync(HostMoves.Reveal);
        await host.ControlAsync(HostMoves.Next);
        var question = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), q => q.Seq == 1);
        await host.WaitForServerTimeAsync(question.OpensAtMs);
        var acks = await Task.WhenAll(phones.Select(p => p.AnswerAsync(1, ClusterContest.Right["q-tf"], GiveUp)));
        var after = waits.Snapshot();
        return new Rejoined(acks.Count(a => a.Ack.Status == AckStatuses.Accepted),
            after.ToDictionary(w => w.Key, w => w.Value - before.GetValueOrDefault(w.Key)));
    }

    private static int PortOf(IServer server) => server.EndPoint switch
    {
        IPEndPoint ip => ip.Port,
        DnsEndPoint dns => dns.Port,
        var other => throw new InvalidOperationException($"unexpected endpoint {other}"),
    };

    /// <summary>Until the replica has applied everything the master has written so far.</summary>
    private static Task CaughtUpAsync(IServer master, IServer replica) => UntilAsync(async () =>
    {
        var written = ((Role.Master)await master.RoleAsync()).ReplicationOffset;
        return await replica.RoleAsync() is Role.Replica r && r.ReplicationOffset >= written;
    });

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(giveUp.Elapsed < GiveUp, "the condition never held");
            await Task.Delay(10);
        }
    }

    private sealed record Answered(string ParticipantId, AnswerAck Ack, int Attempts, TimeSpan At);

    /// <summary>quiz.redis.replica.waits of every node in this process, by outcome.</summary>
    private sealed class ReplicaWaitCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _counts = new();

        public ReplicaWaitCounts()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Core.Common.QuizMetrics.MeterName && instrument.Name == "quiz.redis.replica.waits")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "outcome")
                    {
                        _counts.AddOrUpdate((string)tag.Value!, value, (_, n) => n + value);
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts);

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>What one failover run counted. "Lost": acknowledged, but the promoted replica does not hold that answer id.</summary>
public sealed record FailoverResult(
    int Sent, int Acked, int Stored, int Lost, int ScoredTwice, int OnKilledMaster, int AckedOnKilledMasterBeforeKill,
    int SentAgainByPhones, TimeSpan LastAckAfterKill, IReadOnlyDictionary<string, long> Waits, int AuditDifferences, Rejoined? AfterRejoin)
{
    public override string ToString() =>
        $"sent {Sent}, acked {Acked}, stored {Stored}, lost {Lost}, scored twice {ScoredTwice}; {OnKilledMaster} answers on the killed " +
        $"master's shards, {AckedOnKilledMasterBeforeKill} of them acked before the kill; sent again by phones {SentAgainByPhones}; " +
        $"last ack {LastAckAfterKill.TotalSeconds:0.00} s after the kill; replica waits " +
        $"{Describe(Waits)}; audit differences {AuditDifferences}" +
        (AfterRejoin is { } r ? $"; killed master back as a replica, next question: acked {r.Acked}, replica waits {Describe(r.Waits)}" : "");

    private static string Describe(IReadOnlyDictionary<string, long> waits) =>
        waits.Count == 0 ? "none" : string.Join(", ", waits.OrderBy(w => w.Key).Select(w => $"{w.Key} {w.Value}"));
}

/// <summary>The question played after the killed master came back as a replica.</summary>
public sealed record Rejoined(int Acked, IReadOnlyDictionary<string, long> Waits);
