using System.Globalization;
using System.Text.Json;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisBoardAudit(IConnectionMultiplexer redis, RedisKeys keys) : IBoardAudit
{
    private static readonly string[] Dimensions = [Groups.Team, Groups.Unit, Groups.District];

    private IDatabase Db => redis.GetDatabase();

    public async Task<IReadOnlyList<LoggedAnswer>> ReadLoggedAnswersAsync(string contestId, CancellationToken cancellationToken)
    {
        var answers = new List<LoggedAnswer>();
        const int Page = 5000;
        for (long start = 0; ; start += Page)
        {
            var lines = await Db.ListRangeAsync(keys.Log(contestId), start, start + Page - 1);
            foreach (var line in lines)
            {
                using var doc = JsonDocument.Parse(line.ToString());
                var e = doc.RootElement;
                if (e.GetProperty("t").GetString() == "answer")
                {
                    answers.Add(new LoggedAnswer(e.GetProperty("seq").GetInt32(), e.GetProperty("pid").GetString()!,
                        double.Parse(e.GetProperty("pts").GetString()!, CultureInfo.InvariantCulture), e.GetProperty("ms").GetInt64(),
                        Text(e, "team"), Text(e, "unit"), Text(e, "district")));
                }
            }
            if (lines.Length < Page)
            {
                return answers;
            }
        }
    }

    public async Task<IReadOnlyList<BoardRow>> ReadBoardAsync(string contestId, CancellationToken cancellationToken)
    {
        var rows = await Db.SortedSetRangeByRankWithScoresAsync(keys.Board(contestId), order: Order.Descending);
        return [.. rows.Select(r =>
        {
            var (points, time) = BoardScore.Decode(r.Score);
            return new BoardRow(r.Element.ToString(), points, time);
        })];
    }

    public async Task<IReadOnlyDictionary<string, Participant>> ReadParticipantsAsync(string contestId, CancellationToken cancellationToken)
    {
        var entries = await Db.HashGetAllAsync(keys.Participants(contestId));
        return entries.ToDictionary(e => e.Name.ToString(), e => JsonSerializer.Deserialize<Participant>(e.Value.ToString(), ContestJson.Options)!);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> ReadGroupPointsAsync(string contestId, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var dimension in Dimensions)
        {
            var entries = await Db.HashGetAllAsync(keys.GroupPoints(contestId, dimension));
            result[dimension] = entries.ToDictionary(e => e.Name.ToString(), e => (double)e.Value);
        }
        return result;
    }

    public async Task RewriteAsync(string contestId, IReadOnlyList<BoardRow> persons, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> groups, CancellationToken cancellationToken)
    {
        var tx = Db.CreateTransaction();
        _ = tx.SortedSetAddAsync(keys.Board(contestId), [.. persons.Select(p => new SortedSetEntry(p.ParticipantId, BoardScore.Increment(p.Points, p.TimeMs)))]);
        foreach (var (dimension, rows) in groups)
        {
            _ = tx.KeyDeleteAsync(keys.GroupPoints(contestId, dimension));
            if (rows.Count > 0)
            {
                _ = tx.HashSetAsync(keys.GroupPoints(contestId, dimension), [.. rows.Select(r => new HashEntry(r.Key, r.Value))]);
            }
        }
        await tx.ExecuteAsync();
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
