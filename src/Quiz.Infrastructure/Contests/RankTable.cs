using System.Globalization;
using Quiz.Core.Boards;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// Every participant's rank after a question, computed once and read by all nodes: a node that needs it takes a short
/// lock, reads every shard's board once, ranks the whole board (<see cref="Ranking"/>) and writes each participant's
/// "rank|hundredths|timeMs" into its shard's table; the others wait for it and read only their own participants'
/// entries. Instead of every node reading the whole board, or counting ahead per participant in every shard.
/// <para>
/// A table records how many answers to the question each shard held when it was built. A node asks for it after its
/// own writes are stored; if a shard holds more answers now than the table saw (another node's answers landed after
/// it was built), the table is built again. Answers only ever get added, so a table that saw at least as many answers
/// as the store holds now includes every answer this node wrote.
/// </para>
/// </summary>
internal sealed class RankTable(IConnectionMultiplexer redis, RedisKeys keys)
{
    private static readonly TimeSpan BuildLease = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Keep = TimeSpan.FromHours(2);
    private static readonly TimeSpan WaitFor = TimeSpan.FromSeconds(30);
    private const int WriteChunk = 2000;

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyDictionary<string, PersonPlace>> ReadAsync(string contestId, int seq, int shards, IReadOnlyList<string> participantIds)
    {
        await EnsureBuiltAsync(contestId, seq, shards);
        var places = new Dictionary<string, PersonPlace>(participantIds.Count);
        foreach (var group in participantIds.GroupBy(id => Core.Contests.ContestShards.Of(id, shards)))
        {
            var ids = group.ToList();
            var entries = await Db.HashGetAsync(keys.RankTable(contestId, seq, group.Key), [.. ids.Select(id => (RedisValue)id)]);
            for (var i = 0; i < ids.Count; i++)
            {
                if (Parse(entries[i]) is { } entry)
                {
                    places[ids[i]] = new PersonPlace(new PersonRow(ids[i], entry.Hundredths, entry.TimeMs), entry.Rank - 1);
                }
            }
        }
        return places;
    }

    private async Task EnsureBuiltAsync(string contestId, int seq, int shards)
    {
        var state = keys.RankTableState(contestId, seq);
        var build = keys.RankTableLock(contestId, seq);
        var giveUp = DateTime.UtcNow + WaitFor;
        while (true)
        {
            var held = await AnswerCountsAsync(contestId, seq, shards);
            if (Covers(await Db.StringGetAsync(state), held))
            {
                return;
            }
            if (await Db.StringSetAsync(build, "1", BuildLease, When.NotExists))
            {
                try
                {
                    var counts = await AnswerCountsAsync(contestId, seq, shards); // before the boards are read: they hold at least these
                    await BuildAsync(contestId, seq, shards);
                    await Db.StringSetAsync(state, string.Join(',', counts), Keep);
                }
                finally
                {
                    await Db.KeyDeleteAsync(build);
                }
                continue;
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"The rank table of question {seq} of contest {contestId} was not built within {WaitFor.TotalSeconds} s.");
            }
            await Task.Delay(50); // another node is building it (a lease: if it dies, the key expires and this one builds)
        }
    }

    private async Task<long[]> AnswerCountsAsync(string contestId, int seq, int shards)
    {
        var db = Db;
        return await Task.WhenAll(Enumerable.Range(0, shards).Select(shard => db.HashLengthAsync(keys.Answers(contestId, seq, shard))));
    }

    /// <summary>Whether a table built at <paramref name="state"/>'s answer counts saw every answer the store holds now.</summary>
    private static bool Covers(RedisValue state, long[] held)
    {
        if (state.IsNullOrEmpty)
        {
            return false;
        }
        var seen = state.ToString().Split(',');
        return seen.Length == held.Length
            && seen.Select((n, i) => long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count >= held[i]).All(ok => ok);
    }

    private async Task BuildAsync(string contestId, int seq, int shards)
    {
        var db = Db;
        var boards = await Task.WhenAll(Enumerable.Range(0, shards).Select(shard => db.SortedSetRangeByRankWithScoresAsync(keys.Board(contestId, shard))));
        var ranked = Ranking.Ranked(boards.SelectMany(b => b).Select(RedisBoardStore.Row));
        foreach (var shard in ranked.GroupBy(r => Core.Contests.ContestShards.Of(r.Row.ParticipantId, shards)))
        {
            var table = keys.RankTable(contestId, seq, shard.Key);
            foreach (var chunk in shard.Chunk(WriteChunk))
            {
                await db.HashSetAsync(table, [.. chunk.Select(r => new HashEntry(r.Row.ParticipantId,
                    string.Create(CultureInfo.InvariantCulture, $"{r.Rank}|{r.Row.Hundredths}|{r.Row.TimeMs}")))]);
            }
            await db.KeyExpireAsync(table, Keep);
        }
    }

    private static (int Rank, long Hundredths, long TimeMs)? Parse(RedisValue value)
    {
        if (value.IsNullOrEmpty)
        {
            return null;
        }
        var parts = value.ToString().Split('|');
        return parts.Length == 3
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank)
            && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var hundredths)
            && long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var time)
            ? (rank, hundredths, time)
            : null;
    }
}
