using System.Globalization;
using System.Text.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisBoardStore(IConnectionMultiplexer redis, RedisKeys keys) : IBoardStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<Leaderboard> GetTopAsync(string contestId, int seq, int top, CancellationToken cancellationToken)
    {
        var db = Db;
        var topTask = db.SortedSetRangeByRankWithScoresAsync(keys.Board(contestId), 0, top - 1, Order.Descending);
        var countTask = db.SortedSetLengthAsync(keys.Board(contestId));
        var teams = GroupBoardAsync(db, contestId, Groups.Team);
        var units = GroupBoardAsync(db, contestId, Groups.Unit);
        var districts = GroupBoardAsync(db, contestId, Groups.District);
        var rows = await topTask;
        var names = rows.Length == 0
            ? []
            : await db.HashGetAsync(keys.Participants(contestId), rows.Select(r => r.Element).ToArray());
        var persons = rows.Select((row, i) =>
        {
            var (points, time) = BoardScore.Decode(row.Score);
            var nickname = names[i].IsNullOrEmpty ? row.Element.ToString()
                : JsonSerializer.Deserialize<Participant>(names[i].ToString(), ContestJson.Options)!.Nickname;
            return new BoardEntry(i + 1, row.Element.ToString(), nickname, points, time);
        }).ToList();
        return new Leaderboard(contestId, seq, (int)await countTask, persons,
            (await teams).Take(top).ToList(), (await units).Take(top).ToList(), await districts);
    }

    /// <summary>
    /// Up to this many participants, a node pushing standings to many of its own reads the whole board once (one
    /// round trip, about 40 bytes a row) and ranks them from it; beyond, or for a few (a rejoin), it asks Redis for
    /// each one's rank.
    /// </summary>
    private const int WholeBoardLimit = 200_000;

    /// <summary>Below this many participants per request, one rank lookup each is cheaper than reading the board.</summary>
    private const int WholeBoardMinimumShare = 16;

    public async Task<IReadOnlyList<Standing>> GetStandingsAsync(string contestId, int seq, IReadOnlyList<Participant> participants,
        IReadOnlyDictionary<string, KnownAnswer> known, CancellationToken cancellationToken)
    {
        var db = Db;
        var board = keys.Board(contestId);
        var total = (int)await db.SortedSetLengthAsync(board);
        var ranks = await RanksAsync(db, board, total, participants);
        var teamRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.Team));
        var unitRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.Unit));
        var districtRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.District));

        // Answers this node did not score (none given, or given through another node) are read in one batch.
        var unknown = participants.Where(p => !known.ContainsKey(p.Id)).Select(p => p.Id).ToArray();
        var batch = db.CreateBatch();
        var progress = unknown.ToDictionary(id => id, id => batch.HashGetAsync(keys.Progress(contestId), id));
        var answers = unknown.ToDictionary(id => id, id => batch.HashGetAsync(keys.Answers(contestId, seq), id));
        batch.Execute();

        var standings = new List<Standing>(participants.Count);
        foreach (var participant in participants)
        {
            var (rank, points) = ranks.GetValueOrDefault(participant.Id, (total, 0));
            KnownAnswer? answer = known.TryGetValue(participant.Id, out var k) ? k : await ReadAnswerAsync(seq, answers[participant.Id], progress[participant.Id]);
            standings.Add(new Standing(
                contestId, seq, participant.Id, points, rank + 1, total,
                answer is { Correct: true } a ? a.Streak : 0,
                answer?.Correct,
                answer?.Points ?? 0,
                Lookup(teamRanks, participant.Team), Lookup(unitRanks, participant.Unit), Lookup(districtRanks, participant.District)));
        }
        return standings;
    }

    private static async Task<Dictionary<string, (int Rank, double Points)>> RanksAsync(IDatabase db, RedisKey board, int total, IReadOnlyList<Participant> participants)
    {
        var ranks = new Dictionary<string, (int, double)>(participants.Count);
        if (total <= WholeBoardLimit && participants.Count * WholeBoardMinimumShare >= total)
        {
            var wanted = participants.Select(p => p.Id).ToHashSet();
            var rows = await db.SortedSetRangeByRankWithScoresAsync(board, 0, -1, Order.Descending);
            for (var i = 0; i < rows.Length; i++)
            {
                var id = rows[i].Element.ToString();
                if (wanted.Contains(id))
                {
                    ranks[id] = (i, BoardScore.Decode(rows[i].Score).Points);
                }
            }
            return ranks;
        }
        var batch = db.CreateBatch();
        var rank = participants.Select(p => batch.SortedSetRankAsync(board, p.Id, Order.Descending)).ToArray();
        var score = participants.Select(p => batch.SortedSetScoreAsync(board, p.Id)).ToArray();
        batch.Execute();
        for (var i = 0; i < participants.Count; i++)
        {
            ranks[participants[i].Id] = ((int)((await rank[i]) ?? total), BoardScore.Decode(await score[i] ?? 0).Points);
        }
        return ranks;
    }

    private static async Task<KnownAnswer?> ReadAnswerAsync(int seq, Task<RedisValue> answer, Task<RedisValue> progress)
    {
        var stored = await answer;
        if (stored.IsNullOrEmpty)
        {
            return null;
        }
        var streak = RedisParticipantStore.ParseProgress(await progress);
        var points = double.Parse(stored.ToString().Split('|')[2], CultureInfo.InvariantCulture);
        return new KnownAnswer(seq, points, streak.LastCorrectSeq == seq, streak.Streak);
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

    /// <summary>
    /// A group board ranks by mean points per participant (fair between groups of different sizes), then by total.
    /// Groups are few (13 districts, some hundreds of units), so both hashes are read whole.
    /// </summary>
    private async Task<List<GroupEntry>> GroupBoardAsync(IDatabase db, string contestId, string dimension)
    {
        var sizes = db.HashGetAllAsync(keys.GroupSize(contestId, dimension));
        var points = (await db.HashGetAllAsync(keys.GroupPoints(contestId, dimension)))
            .ToDictionary(e => e.Name.ToString(), e => (double)e.Value);
        return (await sizes)
            .Select(e => (Name: e.Name.ToString(), Size: (int)e.Value))
            .Select(g => (g.Name, g.Size, Total: points.GetValueOrDefault(g.Name)))
            .OrderByDescending(g => g.Total / Math.Max(1, g.Size)).ThenByDescending(g => g.Total).ThenBy(g => g.Name, StringComparer.Ordinal)
            .Select((g, i) => new GroupEntry(i + 1, g.Name, g.Size, Math.Round(g.Total, 2), Math.Round(g.Total / Math.Max(1, g.Size), 2)))
            .ToList();
    }

    private static Dictionary<string, int> RankOf(List<GroupEntry> board) => board.ToDictionary(g => g.Name, g => g.Rank);

    private static int? Lookup(Dictionary<string, int> ranks, string? group) =>
        group is not null && ranks.TryGetValue(group, out var rank) ? rank : null;
}
