using System.Globalization;
using System.Text.Json;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisContestStore(IConnectionMultiplexer redis, RedisKeys keys, ReplicaWait replicaWait) : IContestStore
{
    // Compare-and-set on the room's version, then log the move: one atomic step, so two hosts' clicks cannot interleave.
    private const string MoveScript = """
        local v = redis.call('HGET', KEYS[1], 'version') or '0'
        if v ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'status', ARGV[2], 'seq', ARGV[3], 'opensAt', ARGV[4], 'closesAt', ARGV[5],
            'paused', ARGV[6], 'remaining', ARGV[7], 'acceptUntil', ARGV[8], 'version', ARGV[9])
        redis.call('RPUSH', KEYS[2], ARGV[10])
        return 1
        """;

    // A shard's copy of the room: only ever moved forward, so copies written in any order end at the newest move.
    private const string MirrorScript = """
        local v = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
        if v >= tonumber(ARGV[1]) then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[1], 'status', ARGV[2], 'seq', ARGV[3], 'opensAt', ARGV[4], 'acceptUntil', ARGV[5])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public string NewId(int shards) => ShardPlacement.NewContestId(shards, Ids.New);

    public async Task<bool> CreateAsync(ContestDefinition contest, string joinCode, CancellationToken cancellationToken)
    {
        if (!await Db.StringSetAsync(keys.JoinCode(joinCode), contest.Id, when: When.NotExists))
        {
            return false;
        }
        var tx = Db.CreateTransaction();
        _ = tx.StringSetAsync(keys.Contest(contest.Id), JsonSerializer.Serialize(contest, ContestJson.Options));
        _ = tx.HashSetAsync(keys.Room(contest.Id), [.. Fields(new Room()), new HashEntry("code", joinCode)]);
        await tx.ExecuteAsync();
        // Outside the contest's hash slot, so not in its transaction: a contest missing from the list is still whole.
        await Task.WhenAll(
            Db.HashSetAsync(keys.ContestSummaries, contest.Id, JsonSerializer.Serialize(ContestSummary.Of(contest), ContestJson.Options)),
            Db.SortedSetAddAsync(keys.ContestIndex, contest.Id, contest.CreatedAt.ToUnixTimeMilliseconds()));
        return true;
    }

    public async Task<IReadOnlyList<ContestListRow>> ListAsync(int take, CancellationToken cancellationToken)
    {
        var ids = await Db.SortedSetRangeByRankAsync(keys.ContestIndex, 0, take - 1, Order.Descending);
        if (ids.Length == 0)
        {
            return [];
        }
        var summaries = Db.HashGetAsync(keys.ContestSummaries, ids);
        var rooms = ids.Select(id => Db.HashGetAsync(keys.Room(id!), ["code", "status", "seq"])).ToList();
        var heads = ids.Select(id => Db.HashLengthAsync(keys.Participants(id!))).ToList();
        await Task.WhenAll([summaries, .. rooms, .. heads]);
        var rows = new List<ContestListRow>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (summaries.Result[i].IsNullOrEmpty)
            {
                continue;
            }
            var room = rooms[i].Result;
            rows.Add(new ContestListRow(JsonSerializer.Deserialize<ContestSummary>(summaries.Result[i].ToString(), ContestJson.Options)!,
                room[0].ToString(), room[1].IsNullOrEmpty ? Quiz.Contracts.RoomStatuses.Lobby : room[1].ToString(),
                room[2].IsNullOrEmpty ? -1 : (int)room[2], heads[i].Result));
        }
        return rows;
    }

    public async Task<ContestDefinition?> GetAsync(string contestId, CancellationToken cancellationToken)
    {
        var json = await Db.StringGetAsync(keys.Contest(contestId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ContestDefinition>(json.ToString(), ContestJson.Options);
    }

    public async Task<string?> GetJoinCodeAsync(string contestId, CancellationToken cancellationToken) =>
        await Db.HashGetAsync(keys.Room(contestId), "code");

    public async Task<string?> FindByJoinCodeAsync(string joinCode, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(keys.JoinCode(joinCode));

    public async Task<Room> GetRoomAsync(string contestId, CancellationToken cancellationToken)
    {
        var fields = await Db.HashGetAllAsync(keys.Room(contestId));
        var map = fields.ToDictionary(f => f.Name.ToString(), f => f.Value.ToString());
        long Long(string name) => map.TryGetValue(name, out var v) ? long.Parse(v, CultureInfo.InvariantCulture) : 0;
        return new Room
        {
            Status = map.GetValueOrDefault("status", Quiz.Contracts.RoomStatuses.Lobby),
            Seq = map.ContainsKey("seq") ? (int)Long("seq") : -1,
            OpensAtMs = Long("opensAt"),
            ClosesAtMs = Long("closesAt"),
            Paused = Long("paused") == 1,
            RemainingMs = Long("remaining"),
            AcceptUntilMs = Long("acceptUntil"),
            Version = Long("version"),
        };
    }

    public async Task<bool> TryMoveRoomAsync(string contestId, Room room, long expectedVersion, string logEntry, int shards, CancellationToken cancellationToken)
    {
        var masters = MastersWritten(contestId, shards);
        var result = await Db.ScriptEvaluateAsync(MoveScript,
            [keys.Room(contestId), keys.Log(contestId)],
            [
                expectedVersion, room.Status, room.Seq, room.OpensAtMs, room.ClosesAtMs, room.Paused ? 1 : 0,
                room.RemainingMs, room.AcceptUntilMs, room.Version, logEntry,
            ]);
        if ((int)result != 1)
        {
            return false;
        }
        // Before the move is announced, every other shard learns it: an answer is checked against its shard's copy.
        // Until a copy lands (milliseconds) it holds the previous move, whose accept-until is the earlier or within
        // the grace of this one, and the key of a question is announced only after this returns.
        if (shards > 1)
        {
            await Task.WhenAll(Enumerable.Range(1, shards - 1).Select(shard => Db.ScriptEvaluateAsync(MirrorScript, [keys.ShardRoom(contestId, shard)],
                [room.Version, room.Status, room.Seq, room.OpensAtMs, room.AcceptUntilMs])));
        }
        // A slot that moved meanwhile (false) is not run again: the compare-and-set is not idempotent, and a stored
        // move must still be announced.
        await Task.WhenAll(masters.Select(m => replicaWait.ConfirmAsync(m.Master, m.Key)));
        return true;
    }

    /// <summary>
    /// With replicas to wait for, a move is announced only once the replicas of every master it wrote to have it: a move
    /// lost in a failover would roll the room back (a question closed early open again, after its key went out) and
    /// leave shard copies ahead of the room, refusing the moves that follow. Moves are a few per question, so this
    /// costs one replica round trip each. Empty when nothing waits.
    /// </summary>
    private List<(RedisKey Key, IServer Master)> MastersWritten(string contestId, int shards) => !replicaWait.Enabled ? [] :
    [
        .. Enumerable.Range(0, shards).Select(shard => (RedisKey)(shard == 0 ? keys.Room(contestId) : keys.ShardRoom(contestId, shard)))
            .Select(key => (Key: key, Master: replicaWait.MasterOf(key)!)).DistinctBy(w => w.Master.EndPoint),
    ];

    private static HashEntry[] Fields(Room room) =>
    [
        new("status", room.Status), new("seq", room.Seq), new("opensAt", room.OpensAtMs), new("closesAt", room.ClosesAtMs),
        new("paused", room.Paused ? 1 : 0), new("remaining", room.RemainingMs), new("acceptUntil", room.AcceptUntilMs),
        new("version", room.Version),
    ];
}
