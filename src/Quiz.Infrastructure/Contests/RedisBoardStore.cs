using System.Text.Json;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>The live boards as rows: the person board is one sorted set (<see cref="BoardScore"/>), groups two hashes per dimension.</summary>
internal sealed class RedisBoardStore(IConnectionMultiplexer redis, RedisKeys keys) : IBoardStore
{
    /// <summary>
    /// Up to this many participants, a node placing a large share of them reads the whole board once (one round trip,
    /// about 40 bytes a row) and counts from it; beyond, or for a few (a rejoin), it asks Redis for each one.
    /// </summary>
    private const int WholeBoardLimit = 200_000;

    /// <summary>Below this many participants per request, one lookup each is cheaper than reading the board.</summary>
    private const int WholeBoardMinimumShare = 16;

    private IDatabase Db => redis.GetDatabase();

    public async Task<BoardRows> ReadTopAsync(string contestId, int top, CancellationToken cancellationToken)
    {
        var db = Db;
        var board = keys.Board(contestId);
        var count = db.SortedSetLengthAsync(board);
        var groups = ReadGroupsAsync(contestId, cancellationToken);
        var rows = await db.SortedSetRangeByRankWithScoresAsync(board, 0, top - 1, Order.Descending);
        if (rows.Length == top && top > 0)
        {
            // Redis lists members level on score in descending member order; the rule lists them ascending by id, so
            // the members level with the last row are read again from the low end of that score.
            var last = rows[^1].Score;
            var level = rows.Count(r => r.Score == last);
            var lowest = await db.SortedSetRangeByScoreWithScoresAsync(board, last, last, Exclude.None, Order.Ascending, 0, level);
            rows = [.. rows.Where(r => r.Score != last), .. lowest];
        }
        var ids = rows.Select(r => (RedisValue)r.Element.ToString()).ToArray();
        var profiles = ids.Length == 0 ? [] : await db.HashGetAsync(keys.Participants(contestId), ids);
        var names = new Dictionary<string, string>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            if (!profiles[i].IsNullOrEmpty)
            {
                names[ids[i].ToString()] = JsonSerializer.Deserialize<Participant>(profiles[i].ToString(), ContestJson.Options)!.Nickname;
            }
        }
        return new BoardRows((int)await count, [.. rows.Select(Row)], names, await groups);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken) =>
        ReadGroupsAsync(Db, keys, contestId);

    /// <summary>Every group of every dimension: its size (who joined in it) and its summed points.</summary>
    internal static async Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(IDatabase db, RedisKeys keys, string contestId)
    {
        var reads = GroupDimensions.All.Select(d => (Dimension: d, Sizes: db.HashGetAllAsync(keys.GroupSize(contestId, d)), Points: db.HashGetAllAsync(keys.GroupPoints(contestId, d)))).ToList();
        var groups = new Dictionary<string, IReadOnlyList<GroupRow>>();
        foreach (var (dimension, sizes, points) in reads)
        {
            var sums = (await points).ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
            var counted = (await sizes).ToDictionary(e => e.Name.ToString(), e => (int)e.Value, StringComparer.Ordinal);
            groups[dimension] = [.. counted.Keys.Union(sums.Keys).Select(name => new GroupRow(name, counted.GetValueOrDefault(name), sums.GetValueOrDefault(name)))];
        }
        return groups;
    }

    public async Task<IReadOnlyDictionary<string, PersonPlace>> ReadPlacesAsync(string contestId, IReadOnlyList<string> participantIds, CancellationToken cancellationToken)
    {
        var db = Db;
        var board = keys.Board(contestId);
        var places = new Dictionary<string, PersonPlace>(participantIds.Count);
        if (participantIds.Count == 0)
        {
            return places;
        }
        var total = await db.SortedSetLengthAsync(board);
        if (total <= WholeBoardLimit && participantIds.Count * WholeBoardMinimumShare >= total)
        {
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
        var batch = db.CreateBatch();
        var scores = participantIds.Select(id => batch.SortedSetScoreAsync(board, id)).ToArray();
        batch.Execute();
        var found = new List<(string Id, double Score)>();
        for (var i = 0; i < participantIds.Count; i++)
        {
            if (await scores[i] is { } score)
            {
                found.Add((participantIds[i], score));
            }
        }
        var counts = db.CreateBatch();
        var ahead = found.Select(f => counts.SortedSetLengthAsync(board, f.Score, double.PositiveInfinity, Exclude.Start)).ToArray();
        counts.Execute();
        for (var i = 0; i < found.Count; i++)
        {
            places[found[i].Id] = new PersonPlace(Row(new SortedSetEntry(found[i].Id, found[i].Score)), await ahead[i]);
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
        var stored = await Db.HashGetAsync(keys.Answers(contestId, seq), [.. participantIds.Select(id => (RedisValue)id)]);
        for (var i = 0; i < participantIds.Count; i++)
        {
            if (StoredAnswer.TryParse(stored[i], seq, out var answer))
            {
                answers[participantIds[i]] = answer.Known;
            }
        }
        return answers;
    }

    public async Task<(int Answers, int Correct, IReadOnlyDictionary<string, int> Distribution)> GetAnswerStatsAsync(string contestId, int seq, CancellationToken cancellationToken)
    {
        var db = Db;
        var answers = db.HashLengthAsync(keys.Answers(contestId, seq));
        var entries = await db.HashGetAllAsync(keys.Distribution(contestId, seq));
        var distribution = entries.ToDictionary(e => e.Name.ToString(), e => (int)e.Value);
        return ((int)await answers, distribution.GetValueOrDefault("right"), distribution);
    }

    public async Task<int> CountAnswersAsync(string contestId, int seq, CancellationToken cancellationToken) =>
        (int)await Db.HashLengthAsync(keys.Answers(contestId, seq));

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
