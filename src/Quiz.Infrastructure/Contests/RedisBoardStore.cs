using System.Text.Json;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// The live boards as rows. Per shard the person board is one sorted set (<see cref="BoardScore"/>) and the group sums
/// one hash per dimension; reads merge the shards: the top N of each, the counts ahead in each, the sums of all.
/// </summary>
internal sealed class RedisBoardStore(IConnectionMultiplexer redis, RedisKeys keys, ShardMap shards, RankTable ranks) : IBoardStore
{
    /// <summary>
    /// Up to this many participants in a shard, a node placing a large share of them reads the shard's whole board once
    /// (one round trip, about 40 bytes a row) and counts from it; beyond, or for a few (a rejoin), it asks for each one.
    /// </summary>
    private const int WholeBoardLimit = 200_000;

    /// <summary>Below this many participants per request, one lookup each is cheaper than reading the board.</summary>
    private const int WholeBoardMinimumShare = 16;

    private IDatabase Db => redis.GetDatabase();

    public async Task<BoardRows> ReadTopAsync(string contestId, int top, CancellationToken cancellationToken)
    {
        var db = Db;
        var count = await shards.CountAsync(contestId, cancellationToken);
        var participants = db.HashLengthAsync(keys.Participants(contestId));
        var groups = ReadGroupsAsync(contestId, cancellationToken);
        var tops = await Task.WhenAll(Enumerable.Range(0, count).Select(shard => TopOfShardAsync(db, keys.Board(contestId, shard), top)));
        var rows = tops.SelectMany(t => t).ToList();
        rows.Sort(Ranking.Order);
        rows = [.. rows.Take(top)];
        var ids = rows.Select(r => (RedisValue)r.ParticipantId).ToArray();
        var profiles = ids.Length == 0 ? [] : await db.HashGetAsync(keys.Participants(contestId), ids);
        var names = new Dictionary<string, string>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!profiles[i].IsNullOrEmpty)
            {
                names[ids[i].ToString()] = JsonSerializer.Deserialize<Participant>(profiles[i].ToString(), ContestJson.Options)!.Nickname;
            }
        }
        return new BoardRows((int)await participants, rows, names, await groups);
    }

    /// <summary>
    /// The true top of one shard: Redis lists members level on score in descending member order, the rule lists them
    /// ascending by id, so the members level with the last row are read again from the low end of that score.
    /// </summary>
    private static async Task<IReadOnlyList<PersonRow>> TopOfShardAsync(IDatabase db, RedisKey board, int top)
    {
        var rows = await db.SortedSetRangeByRankWithScoresAsync(board, 0, top - 1, Order.Descending);
        if (rows.Length == top && top > 0)
        {
            var last = rows[^1].Score;
            var level = rows.Count(r => r.Score == last);
            var lowest = await db.SortedSetRangeByScoreWithScoresAsync(board, last, last, Exclude.None, Order.Ascending, 0, level);
            rows = [.. rows.Where(r => r.Score != last), .. lowest];
        }
        return [.. rows.Select(Row)];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken) =>
        await ReadGroupsAsync(Db, keys, contestId, await shards.CountAsync(contestId, cancellationToken));

    /// <summary>Every group of every dimension: its size (who joined in it) and its points, summed over the shards.</summary>
    internal static async Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(IDatabase db, RedisKeys keys, string contestId, int count)
    {
        var reads = GroupDimensions.All.Select(d => (Dimension: d, Sizes: db.HashGetAllAsync(keys.GroupSize(contestId, d)),
            Points: Enumerable.Range(0, count).Select(shard => db.HashGetAllAsync(keys.GroupPoints(contestId, d, shard))).ToList())).ToList();
        var groups = new Dictionary<string, IReadOnlyList<GroupRow>>();
        foreach (var (dimension, sizes, points) in reads)
        {
            var sums = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var shard in points)
            {
                foreach (var e in await shard)
                {
                    sums[e.Name.ToString()] = sums.GetValueOrDefault(e.Name.ToString()) + (long)e.Value;
                }
            }
            var counted = (await sizes).ToDictionary(e => e.Name.ToString(), e => (int)e.Value, StringComparer.Ordinal);
            groups[dimension] = [.. counted.Keys.Union(sums.Keys).Select(name => new GroupRow(name, counted.GetValueOrDefault(name), sums.GetValueOrDefault(name)))];
        }
        return groups;
    }

    public async Task<IReadOnlyDictionary<string, PersonPlace>> ReadPlacesAsync(string contestId, IReadOnlyList<string> participantIds, CancellationToken cancellationToken)
    {
        var db = Db;
        var places = new Dictionary<string, PersonPlace>(participantIds.Count);
        if (participantIds.Count == 0)
        {
            return places;
        }
        var contest = await shards.CountAsync(contestId, cancellationToken);
        var boards = Enumerable.Range(0, contest).Select(shard => (RedisKey)keys.Board(contestId, shard)).ToArray();
        var sizes = await Task.WhenAll(boards.Select(b => db.SortedSetLengthAsync(b)));
        if (contest == 1 && sizes[0] <= WholeBoardLimit && participantIds.Count * WholeBoardMinimumShare >= sizes[0])
        {
            return await PlacesFromWholeBoardAsync(db, boards[0], participantIds);
        }
        // Each participant's row from its shard, then how many are strictly ahead of it in every shard.
        var batch = db.CreateBatch();
        var scores = new List<(string Id, Task<double?> Score)>(participantIds.Count);
        foreach (var id in participantIds)
        {
            scores.Add((id, batch.SortedSetScoreAsync(boards[ContestShards.Of(id, contest)], id)));
        }
        batch.Execute();
        var found = new List<(string Id, double Score)>();
        foreach (var (id, score) in scores)
        {
            if (await score is { } value)
            {
                found.Add((id, value));
            }
        }
        var counts = db.CreateBatch();
        var ahead = found.Select(f => boards.Select(b => counts.SortedSetLengthAsync(b, f.Score, double.PositiveInfinity, Exclude.Start)).ToArray()).ToList();
        counts.Execute();
        for (var i = 0; i < found.Count; i++)
        {
            places[found[i].Id] = new PersonPlace(Row(new SortedSetEntry(found[i].Id, found[i].Score)), (await Task.WhenAll(ahead[i])).Sum());
        }
        return places;
    }

    public async Task<IReadOnlyDictionary<string, PersonPlace>> ReadRankedAsync(string contestId, int seq, IReadOnlyList<string> participantIds, CancellationToken cancellationToken) =>
        participantIds.Count == 0
            ? new Dictionary<string, PersonPlace>()
            : await ranks.ReadAsync(contestId, seq, await shards.CountAsync(contestId, cancellationToken), participantIds);

    private static async Task<Dictionary<string, PersonPlace>> PlacesFromWholeBoardAsync(IDatabase db, RedisKey board, IReadOnlyList<string> participantIds)
    {
        var places = new Dictionary<string, PersonPlace>(participantIds.Count);
        var wanted = participantIds.ToHashSet(StringComparer.Ordinal);
        var rows = await db.SortedSetRangeByRankWithScoresAsync(board, 0, -1, Order.Descending);
        var firstOfScore = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (i > 0 && rows[i].Score != rows[i - 1].Score)
            {
                firstOfScore = i; // everyone before this index is strictly ahead
            }
            if (wanted.Contains(rows[i].Element.ToString()))
            {
                places[rows[i].Element.ToString()] = new PersonPlace(Row(rows[i]), firstOfScore);
            }
        }
        return places;
    }

    public async Task<IReadOnlyDictionary<string, KnownAnswer>> ReadAnswersAsync(string contestId, int seq, IReadOnlyList<string> participantIds, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, KnownAnswer>(participantIds.Count);
        if (participantIds.Count == 0)
        {
            return answers;
        }
        var count = await shards.CountAsync(contestId, cancellationToken);
        foreach (var group in participantIds.GroupBy(id => ContestShards.Of(id, count)))
        {
            var ids = group.ToList();
            var stored = await Db.HashGetAsync(keys.Answers(contestId, seq, group.Key), [.. ids.Select(id => (RedisValue)id)]);
            for (var i = 0; i < ids.Count; i++)
            {
                if (StoredAnswer.TryParse(stored[i], seq, out var answer))
                {
                    answers[ids[i]] = answer.Known;
                }
            }
        }
        return answers;
    }

    public async Task<(int Answers, int Correct, IReadOnlyDictionary<string, int> Distribution)> GetAnswerStatsAsync(string contestId, int seq, CancellationToken cancellationToken)
    {
        var db = Db;
        var count = await shards.CountAsync(contestId, cancellationToken);
        var answers = await Task.WhenAll(Enumerable.Range(0, count).Select(shard => db.HashLengthAsync(keys.Answers(contestId, seq, shard))));
        var distribution = new Dictionary<string, int>();
        foreach (var entries in await Task.WhenAll(Enumerable.Range(0, count).Select(shard => db.HashGetAllAsync(keys.Distribution(contestId, seq, shard)))))
        {
            foreach (var e in entries)
            {
                distribution[e.Name.ToString()] = distribution.GetValueOrDefault(e.Name.ToString()) + (int)e.Value;
            }
        }
        return ((int)answers.Sum(), distribution.GetValueOrDefault("right"), distribution);
    }

    public async Task<int> CountAnswersAsync(string contestId, int seq, CancellationToken cancellationToken)
    {
        var db = Db;
        var count = await shards.CountAsync(contestId, cancellationToken);
        return (int)(await Task.WhenAll(Enumerable.Range(0, count).Select(shard => db.HashLengthAsync(keys.Answers(contestId, seq, shard))))).Sum();
    }

    public Task PublishAsync(string contestId, BoardRows rows, CancellationToken cancellationToken) =>
        Db.StringSetAsync(keys.PublishedBoard(contestId), JsonSerializer.Serialize(rows, ContestJson.Options));

    public async Task<BoardRows?> ReadPublishedAsync(string contestId, CancellationToken cancellationToken)
    {
        var json = await Db.StringGetAsync(keys.PublishedBoard(contestId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<BoardRows>(json.ToString(), ContestJson.Options);
    }

    internal static PersonRow Row(SortedSetEntry entry)
    {
        var (hundredths, time) = BoardScore.Decode(entry.Score);
        return new PersonRow(entry.Element.ToString(), hundredths, time);
    }
}
