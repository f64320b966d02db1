using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Boards;

/// <summary>Boards and standings as clients see them, assembled from store rows and ranked by <see cref="Ranking"/>.</summary>
public static class BoardViews
{
    public static Leaderboard Leaderboard(string contestId, int seq, BoardRows rows, int top)
    {
        var persons = Ranking.Ranked(rows.Top).Take(top)
            .Select(r => new BoardEntry(r.Rank, r.Row.ParticipantId, rows.Names.GetValueOrDefault(r.Row.ParticipantId) ?? r.Row.ParticipantId,
                r.Row.Points, r.Row.TimeMs))
            .ToList();
        return new Leaderboard(contestId, seq, rows.Participants, persons,
            [.. Groups(rows, GroupDimensions.Team).Take(top)], [.. Groups(rows, GroupDimensions.Unit).Take(top)], Groups(rows, GroupDimensions.District));
    }

    public static IReadOnlyList<GroupEntry> Groups(BoardRows rows, string dimension) =>
        [.. Ranking.Ranked(rows.Groups.GetValueOrDefault(dimension) ?? []).Select(r => new GroupEntry(r.Rank, r.Row.Name, r.Row.Size,
            Round2(r.Row.Hundredths / 100m), Round2(r.Row.Hundredths / 100m / Math.Max(1, r.Row.Size))))];

    /// <summary>
    /// A participant's own standing after question <paramref name="seq"/>. <paramref name="answer"/> is its answer to
    /// that question, if it gave one.
    /// </summary>
    public static Standing Standing(string contestId, int seq, Participant participant, PersonPlace? place, int participants, KnownAnswer? answer,
        GroupRanks groups)
    {
        int? RankIn(string dimension) => GroupDimensions.Of(participant, dimension) is { } name ? groups.Of(dimension, name) : null;
        // Everyone is on the board from joining; one missing from it (a row being written) is placed last, not first.
        var rank = place is null ? participants : (int)place.Ahead + 1;
        return new Standing(contestId, seq, participant.Id, place?.Row.Points ?? 0, rank, participants,
            answer is { Correct: true } a ? a.Streak : 0, answer?.Correct, answer?.Points ?? 0,
            RankIn(GroupDimensions.Team), RankIn(GroupDimensions.Unit), RankIn(GroupDimensions.District));
    }

    /// <summary>Each group's rank per dimension, computed once for all the standings sent after a question.</summary>
    public sealed class GroupRanks(IReadOnlyDictionary<string, IReadOnlyList<GroupRow>> groups)
    {
        private readonly Dictionary<string, Dictionary<string, int>> _ranks = GroupDimensions.All.ToDictionary(d => d,
            d => Ranking.Ranked(groups.GetValueOrDefault(d) ?? []).ToDictionary(r => r.Row.Name, r => r.Rank, StringComparer.Ordinal));

        public int? Of(string dimension, string name) => _ranks.GetValueOrDefault(dimension)?.TryGetValue(name, out var rank) == true ? rank : null;
    }

    /// <summary>Two places, half away from zero (the one rounding rule, see <see cref="Scoring"/>).</summary>
    public static double Round2(decimal value) => (double)Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
