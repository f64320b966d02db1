using System.Text.Json;
using Quiz.Core.Banks;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>The audit's reads: every shard's log, answers and board rows, merged; and the rewrite of a repair.</summary>
internal sealed class RedisBoardAudit(IConnectionMultiplexer redis, RedisKeys keys, ShardMap shards) : IBoardAudit
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<ContestLog> ReadLogAsync(string contestId, CancellationToken cancellationToken)
    {
        var answers = new List<LoggedAnswer>();
        var moves = new List<LoggedMove>();
        for (var shard = 0; shard < await shards.CountAsync(contestId, cancellationToken); shard++)
        {
            await ReadLogAsync(keys.Log(contestId, shard), answers, moves);
        }
        return new ContestLog(answers, moves);
    }

    private async Task ReadLogAsync(RedisKey log, List<LoggedAnswer> answers, List<LoggedMove> moves)
    {
        const int Page = 5000;
        for (long start = 0; ; start += Page)
        {
            var lines = await Db.ListRangeAsync(log, start, start + Page - 1);
            foreach (var line in lines)
            {
                using var doc = JsonDocument.Parse(line.ToString());
                var e = doc.RootElement;
                switch (Text(e, "t"))
                {
                    case "answer":
                        answers.Add(new LoggedAnswer(e.GetProperty("seq").GetInt32(), e.GetProperty("pid").GetString()!, Text(e, "aid") ?? "",
                            new Response(e.TryGetProperty("opts", out var opts) && opts.ValueKind == JsonValueKind.Array ? [.. opts.EnumerateArray().Select(o => o.GetInt32())] : [],
                                Text(e, "text")),
                            Long(e, "at"), Long(e, "open"), Long(e, "h"), Text(e, "team"), Text(e, "unit"), Text(e, "district")));
                        break;
                    case "move":
                        moves.Add(new LoggedMove(Text(e, "move") ?? "", Long(e, "at"), e.TryGetProperty("seq", out var seq) ? seq.GetInt32() : -1, Long(e, "opensAt")));
                        break;
                }
            }
            if (lines.Length < Page)
            {
                return;
            }
        }
    }

    public async Task<IReadOnlyDictionary<(int Seq, string ParticipantId), long>> ReadStoredPointsAsync(string contestId, int questions, CancellationToken cancellationToken)
    {
        var db = Db;
        var count = await shards.CountAsync(contestId, cancellationToken);
        var reads = Enumerable.Range(0, questions).SelectMany(seq => Enumerable.Range(0, count)
            .Select(shard => (Seq: seq, Entries: db.HashGetAllAsync(keys.Answers(contestId, seq, shard))))).ToList();
        var points = new Dictionary<(int, string), long>();
        foreach (var (seq, entries) in reads)
        {
            foreach (var entry in await entries)
            {
                points[(seq, entry.Name.ToString())] = StoredAnswer.TryParse(entry.Value, seq, out var answer) ? answer.Known.Hundredths : long.MinValue;
            }
        }
        return points;
    }

    public async Task<IReadOnlyList<PersonRow>> ReadBoardAsync(string contestId, CancellationToken cancellationToken)
    {
        var db = Db;
        var count = await shards.CountAsync(contestId, cancellationToken);
        var boards = await Task.WhenAll(Enumerable.Range(0, count).Select(shard => db.SortedSetRangeByRankWithScoresAsync(keys.Board(contestId, shard))));
        return [.. boards.SelectMany(b => b).Select(RedisBoardStore.Row)];
    }

    public async Task<IReadOnlyDictionary<string, Participant>> ReadParticipantsAsync(string contestId, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(keys.Participants(contestId));
        return entries.ToDictionary(e => e.Name.ToString(), e => JsonSerializer.Deserialize<Participant>(e.Value.ToString(), ContestJson.Options)!);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken) =>
        await RedisBoardStore.ReadGroupsAsync(Db, keys, contestId, await shards.CountAsync(contestId, cancellationToken));

    public async Task RewriteAsync(string contestId, IReadOnlyList<PersonRow> persons, IReadOnlyDictionary<string, IReadOnlyList<GroupRow>> groups,
        IReadOnlyList<(int Seq, string ParticipantId, ScoredAnswer Score)> answers, CancellationToken cancellationToken)
    {
        var count = await shards.CountAsync(contestId, cancellationToken);
        var stored = new List<(RedisKey Key, string Id, string Value)>();
        foreach (var (seq, id, score) in answers)
        {
            var key = keys.Answers(contestId, seq, ContestShards.Of(id, count));
            if (StoredAnswer.TryParse(await Db.HashGetAsync(key, id), seq, out var held))
            {
                stored.Add((key, id, held.With(score.Hundredths, score.Streak)));
            }
        }
        // One transaction per shard (a transaction stays in one slot); the group sums go whole into shard 0.
        for (var shard = 0; shard < count; shard++)
        {
            var tx = Db.CreateTransaction();
            foreach (var (key, id, value) in stored.Where(s => ContestShards.Of(s.Id, count) == shard))
            {
                _ = tx.HashSetAsync(key, id, value);
            }
            var rows = persons.Where(p => ContestShards.Of(p.ParticipantId, count) == shard).ToList();
            if (rows.Count > 0)
            {
                _ = tx.SortedSetAddAsync(keys.Board(contestId, shard), [.. rows.Select(p => new SortedSetEntry(p.ParticipantId, BoardScore.Increment(p.Hundredths, p.TimeMs)))]);
            }
            foreach (var (dimension, sums) in groups)
            {
                _ = tx.KeyDeleteAsync(keys.GroupPoints(contestId, dimension, shard));
                if (shard == 0 && sums.Count > 0)
                {
                    _ = tx.HashSetAsync(keys.GroupPoints(contestId, dimension), [.. sums.Select(r => new HashEntry(r.Name, r.Hundredths))]);
                }
            }
            await tx.ExecuteAsync();
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
