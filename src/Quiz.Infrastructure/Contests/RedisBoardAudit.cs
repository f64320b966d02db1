using System.Text.Json;
using Quiz.Core.Banks;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisBoardAudit(IConnectionMultiplexer redis, RedisKeys keys) : IBoardAudit
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<ContestLog> ReadLogAsync(string contestId, CancellationToken cancellationToken)
    {
        var answers = new List<LoggedAnswer>();
        var moves = new List<LoggedMove>();
        const int Page = 5000;
        for (long start = 0; ; start += Page)
        {
            var lines = await Db.ListRangeAsync(keys.Log(contestId), start, start + Page - 1);
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
                return new ContestLog(answers, moves);
            }
        }
    }

    public async Task<IReadOnlyDictionary<(int Seq, string ParticipantId), long>> ReadStoredPointsAsync(string contestId, int questions, CancellationToken cancellationToken)
    {
        var db = Db;
        var reads = Enumerable.Range(0, questions).Select(seq => (Seq: seq, Entries: db.HashGetAllAsync(keys.Answers(contestId, seq)))).ToList();
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

    public async Task<IReadOnlyList<PersonRow>> ReadBoardAsync(string contestId, CancellationToken cancellationToken) =>
        [.. (await Db.SortedSetRangeByRankWithScoresAsync(keys.Board(contestId), order: Order.Descending)).Select(RedisBoardStore.Row)];

    public async Task<IReadOnlyDictionary<string, Participant>> ReadParticipantsAsync(string contestId, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(keys.Participants(contestId));
        return entries.ToDictionary(e => e.Name.ToString(), e => JsonSerializer.Deserialize<Participant>(e.Value.ToString(), ContestJson.Options)!);
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken) =>
        RedisBoardStore.ReadGroupsAsync(Db, keys, contestId);

    public async Task RewriteAsync(string contestId, IReadOnlyList<PersonRow> persons, IReadOnlyDictionary<string, IReadOnlyList<GroupRow>> groups,
        IReadOnlyList<(int Seq, string ParticipantId, ScoredAnswer Score)> answers, CancellationToken cancellationToken)
    {
        var stored = new List<(RedisKey Key, string Id, string Value)>();
        foreach (var (seq, id, score) in answers)
        {
            var key = keys.Answers(contestId, seq);
            if (StoredAnswer.TryParse(await Db.HashGetAsync(key, id), seq, out var held))
            {
                stored.Add((key, id, held.With(score.Hundredths, score.Streak)));
            }
        }
        var tx = Db.CreateTransaction();
        foreach (var (key, id, value) in stored)
        {
            _ = tx.HashSetAsync(key, id, value);
        }
        if (persons.Count > 0)
        {
            _ = tx.SortedSetAddAsync(keys.Board(contestId), [.. persons.Select(p => new SortedSetEntry(p.ParticipantId, BoardScore.Increment(p.Hundredths, p.TimeMs)))]);
        }
        foreach (var (dimension, rows) in groups)
        {
            _ = tx.KeyDeleteAsync(keys.GroupPoints(contestId, dimension));
            if (rows.Count > 0)
            {
                _ = tx.HashSetAsync(keys.GroupPoints(contestId, dimension), [.. rows.Select(r => new HashEntry(r.Name, r.Hundredths))]);
            }
        }
        await tx.ExecuteAsync();
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : 0;
}
