using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Boards;

/// <summary>
/// Participants' own standings after a question: places from the board, each answer's points from this node's memory
/// where it stored the answer (the store accepted it as scored), from the store otherwise.
/// </summary>
public sealed class LiveStandings(IBoardStore boards, IParticipantStore participants, LiveRooms rooms)
{
    /// <summary>
    /// With <paramref name="final"/> (the question's answers are final: what the nodes send at a reveal, board or end)
    /// the places come from the question's rank table, computed once for every node; otherwise they are looked up.
    /// </summary>
    public async Task<IReadOnlyList<Standing>> ReadAsync(string contestId, int seq, IReadOnlyList<Participant> who, CancellationToken cancellationToken, bool final = false)
    {
        if (who.Count == 0)
        {
            return [];
        }
        var known = new Dictionary<string, KnownAnswer>();
        var unknown = new List<string>();
        foreach (var participant in who)
        {
            if (rooms.TryGetAnswer(contestId, participant.Id, seq, out var answer))
            {
                known[participant.Id] = answer;
            }
            else
            {
                unknown.Add(participant.Id);
            }
        }
        var places = final
            ? boards.ReadRankedAsync(contestId, seq, [.. who.Select(p => p.Id)], cancellationToken)
            : boards.ReadPlacesAsync(contestId, [.. who.Select(p => p.Id)], cancellationToken);
        var stored = boards.ReadAnswersAsync(contestId, seq, unknown, cancellationToken);
        var groups = new BoardViews.GroupRanks(await boards.ReadGroupsAsync(contestId, cancellationToken));
        var count = await participants.CountAsync(contestId, cancellationToken);
        var (placed, read) = (await places, await stored);
        return [.. who.Select(p => BoardViews.Standing(contestId, seq, p, placed.GetValueOrDefault(p.Id), count,
            known.TryGetValue(p.Id, out var k) ? k : read.TryGetValue(p.Id, out var r) ? r : null, groups))];
    }
}
