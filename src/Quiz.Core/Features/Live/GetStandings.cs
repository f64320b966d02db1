using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The own score and ranks of these participants after question <see cref="Seq"/>: ranks from the board, each
/// answer's points from this node's memory where it scored the answer, from the store otherwise.
/// </summary>
public sealed record GetStandings(string ContestId, int Seq, IReadOnlyList<Participant> Participants) : IQuery<IReadOnlyList<Standing>>;

public sealed class GetStandingsHandler(IBoardStore boards, LiveRooms rooms) : IQueryHandler<GetStandings, IReadOnlyList<Standing>>
{
    public async ValueTask<IReadOnlyList<Standing>> Handle(GetStandings query, CancellationToken cancellationToken)
    {
        if (query.Participants.Count == 0)
        {
            return [];
        }
        var known = new Dictionary<string, KnownAnswer>();
        foreach (var participant in query.Participants)
        {
            if (rooms.TryGetAnswer(query.ContestId, participant.Id, query.Seq, out var answer))
            {
                known[participant.Id] = answer;
            }
        }
        return await boards.GetStandingsAsync(query.ContestId, query.Seq, query.Participants, known, cancellationToken);
    }
}
