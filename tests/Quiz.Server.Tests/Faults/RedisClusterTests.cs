using System.Net.Http.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// Two nodes on a three-master Redis Cluster (infra/redis-cluster.sh): a whole question on the backplane, every key
/// of the contest in one slot (so its Lua scripts and transactions are legal there), the keys of the installation
/// spread over the masters.
/// </summary>
public sealed class RedisClusterTests
{
    [ClusterFact]
    public async Task A_contest_plays_on_a_three_master_cluster_with_its_keys_in_one_slot()
    {
        await using var cluster = await LocalRedisCluster.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = cluster.ConnectionString };
        await using var nodeA = LiveGame.Server(nameof(RedisClusterTests), settings);
        await using var nodeB = LiveGame.Server(nameof(RedisClusterTests), new Dictionary<string, string?>(settings) { ["Quiz:Redis:KeyPrefix"] = nodeA.KeyPrefix });
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 30 }, new ContestGroups { Teams = ["一队"] }, "q-single");
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await using var _h = host;
        var players = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            var client = await LiveClient.ConnectAsync(nodeB.BaseAddress);
            await client.JoinAsync(contest.JoinCode, $"C{i}", team: "一队", district: "西湖区");
            return client;
        }));

        await host.ControlAsync(HostMoves.Start);
        var view = await players[0].NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await players[0].WaitForServerTimeAsync(view.OpensAtMs);
        var acks = await Task.WhenAll(players.Select((p, i) => p.AnswerAsync(0, [i < 2 ? 2 : 0])));
        Assert.All(acks, a => Assert.Equal(AckStatuses.Accepted, a.Status));
        await host.ControlAsync(HostMoves.Close);
        await host.ControlAsync(HostMoves.Reveal);
        var standings = await Task.WhenAll(players.Select(p => p.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated))));
        Assert.Equal([100, 100, 0, 0], standings.Select(s => s.Score));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.ConnectionString);
        Assert.Equal(3, redis.GetServers().Count(s => s.ServerType == ServerType.Cluster && !s.IsReplica));
        var slots = new HashSet<int>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: $"{nodeA.KeyPrefix}{{c:{contest.ContestId}}}:*"))
            {
                slots.Add(redis.HashSlot(key));
            }
        }
        Assert.Single(slots); // def, room, p, tok, a:0, board, gs:*, log ... share {c:id}
        var everything = new List<int>();
        foreach (var server in redis.GetServers())
        {
            everything.Add(await server.KeysAsync(pattern: $"{nodeA.KeyPrefix}*").CountAsync());
        }
        Assert.True(everything.Count(n => n > 0) >= 2, "the installation's keys spread over the masters");
        foreach (var player in players)
        {
            await player.DisposeAsync();
        }
    }
}

public sealed class ShardedClusterTests
{
    /// <summary>
    /// One contest split over 6 shards on the three masters: its answers and boards land two shards on each master, every
    /// shard's keys stay in one slot (so its script is legal), and boards, standings and the audit merge the shards.
    /// </summary>
    [ClusterFact]
    public async Task A_contest_split_over_shards_spreads_over_the_masters_and_adds_up()
    {
        await using var cluster = await LocalRedisCluster.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = cluster.ConnectionString };
        await using var nodeA = LiveGame.Server(nameof(ShardedClusterTests), settings);
        await using var nodeB = LiveGame.Server(nameof(ShardedClusterTests), new Dictionary<string, string?>(settings) { ["Quiz:Redis:KeyPrefix"] = nodeA.KeyPrefix });
        var contest = await LiveGame.CreateAsync(nodeA, new RoundRules { TimeLimitSeconds = 30 }, shards: 6, "q-single", "q-tf");
        var (host, _) = await LiveGame.HostAsync(nodeA, contest);
        await using var _h = host;
        var players = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var client = await LiveClient.ConnectAsync((i % 2 == 0 ? nodeA : nodeB).BaseAddress);
            await client.JoinAsync(contest.JoinCode, $"S{i}", district: i % 3 == 0 ? "西湖区" : "滨江区");
            return client;
        }));
        for (var seq = 0; seq < 2; seq++)
        {
            await host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next);
            var s = seq;
            var view = await players[0].NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == s);
            await players[0].WaitForServerTimeAsync(view.OpensAtMs);
            var acks = await Task.WhenAll(players.Select((p, i) => p.AnswerAsync(s, [i % 4 == 0 ? (s == 0 ? 2 : 1) : 0])));
            Assert.All(acks, a => Assert.Equal(AckStatuses.Accepted, a.Status));
            await host.ControlAsync(HostMoves.Close);
            await host.ControlAsync(HostMoves.Reveal);
            var reveal = await host.NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed), r => r.Seq == s);
            Assert.Equal((24, 6), (reveal.Answers, reveal.Correct)); // summed over the shards
        }
        var standings = await Task.WhenAll(players.Select(p => p.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), st => st.Seq == 1)));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i % 4 == 0 ? 200.0 : 0), standings.Select(st => st.Score));

        using var http = nodeB.CreateAnonymousClient();
        http.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
        var board = await http.GetFromJsonAsync<Leaderboard>($"/api/contests/{contest.ContestId}/board?top=100", QuizJson.Options);
        Assert.Equal((24, 24, 6, 200.0), (board!.Participants, board.Persons.Count, board.Persons.Count(p => p.Score == 200), board.Persons[0].Score));
        // The board (merged tops of the shards) and each standing (counts ahead in every shard) agree on every rank.
        var rows = board.Persons.ToDictionary(p => p.Id);
        Assert.All(players.Zip(standings), pair =>
        {
            var mine = rows[pair.First.Joined!.ParticipantId];
            Assert.Equal(1 + rows.Values.Count(r => r.Score > mine.Score || (r.Score == mine.Score && r.TimeMs < mine.TimeMs)), pair.Second.Rank);
            Assert.Equal(mine.Rank, pair.Second.Rank);
        });
        var xihu = board.Districts.Single(d => d.Name == "西湖区");
        Assert.Equal((8, 400.0), (xihu.Participants, xihu.Total)); // 西湖区 is every third player; of them 0 and 12 answered right
        var audit = await (await http.PostAsync($"/api/contests/{contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Equal(48, audit!.LoggedAnswers);
        Assert.Empty(audit.Differences);

        // The contest's id was drawn so that its 6 shard tags fall in distinct sixths of the slot space: two shards on
        // each of the three masters (by chance alone, 2-2-2 happens in one contest of eight). Counted by the master that
        // owns each shard's slot, not by the keys it holds: with 24 players one shard may have none.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.ConnectionString);
        var db = redis.GetDatabase();
        var shardsPerMaster = Enumerable.Range(0, 6).Select(shard =>
        {
            var key = $"{nodeA.KeyPrefix}{{{ShardPlacement.TagOf(contest.ContestId, shard)}}}:board";
            Assert.Equal(redis.HashSlot(key), ShardPlacement.SlotOfTag(ShardPlacement.TagOf(contest.ContestId, shard)));
            return db.IdentifyEndpoint(key)!.ToString();
        }).GroupBy(endpoint => endpoint).Select(g => g.Count()).ToList();
        Assert.Equal([2, 2, 2], shardsPerMaster);
        foreach (var player in players)
        {
            await player.DisposeAsync();
        }
    }
}
