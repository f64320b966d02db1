using Mediator;
using Quiz.Contracts;
using Quiz.Core.Boards;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The own score and ranks of these participants after question <see cref="Seq"/> (see <see cref="LiveStandings"/>);
/// <see cref="Final"/> when its answers are final and every node asks for its own participants (the rank table).
/// </summary>
public sealed record GetStandings(string ContestId, int Seq, IReadOnlyList<Participant> Participants, bool Final = false) : IQuery<IReadOnlyList<Standing>>;

public sealed class GetStandingsHandler(LiveStandings standings) : IQueryHandler<GetStandings, IReadOnlyList<Standing>>
{
    public async ValueTask<IReadOnlyList<Standing>> Handle(GetStandings query, CancellationToken cancellationToken) =>
        await standings.ReadAsync(query.ContestId, query.Seq, query.Participants, cancellationToken, query.Final);
}
