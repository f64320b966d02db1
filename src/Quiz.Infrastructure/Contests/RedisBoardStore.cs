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

    public async Task<IReadOnlyList<Standing>> GetStandingsAsync(string contestId, int seq, IReadOnlyList<Participant> participants, CancellationToken cancellationToken)
    {
        var db = Db;
        var board = keys.Board(contestId);
        // One pipelined batch: four reads per participant, whatever their number.
        var batch = db.CreateBatch();
        var ranks = participants.Select(p => batch.SortedSetRankAsync(board, p.Id, Order.Descending)).ToArray();
        var scores = participants.Select(p => batch.SortedSetScoreAsync(board, p.Id)).ToArray();
        var progress = participants.Select(p => batch.HashGetAsync(keys.Progress(contestId), p.Id)).ToArray();
        var last = participants.Select(p => batch.HashGetAsync(keys.Answers(contestId, seq), p.Id)).ToArray();
        var count = batch.SortedSetLengthAsync(board);
        batch.Execute();
        var teamRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.Team));
        var unitRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.Unit));
        var districtRanks = RankOf(await GroupBoardAsync(db, contestId, Groups.District));
        var total = (int)await count;
        var standings = new List<Standing>(participants.Count);
        for (var i = 0; i < participants.Count; i++)
        {
            var participant = participants[i];
            var (points, _) = BoardScore.Decode(await scores[i] ?? 0);
            var lastAnswer = await last[i];
            var lastPoints = lastAnswer.IsNullOrEmpty ? 0 : double.Parse(lastAnswer.ToString().Split('|')[2], CultureInfo.InvariantCulture);
            var streak = RedisParticipantStore.ParseProgress(await progress[i]);
            standings.Add(new Standing(
                contestId, seq, participant.Id, points, (int)((await ranks[i]) ?? total) + 1, total,
                streak.LastCorrectSeq == seq ? streak.Streak : 0,
                lastAnswer.IsNullOrEmpty ? null : streak.LastCorrectSeq == seq,
                lastPoints,
                Lookup(teamRanks, participant.Team), Lookup(unitRanks, participant.Unit), Lookup(districtRanks, participant.District)));
        }
        return standings;
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
