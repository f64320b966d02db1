using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>The own score and ranks of these participants, after question <see cref="Seq"/>; one pipelined read for all.</summary>
public sealed record GetStandings(string ContestId, int Seq, IReadOnlyList<Participant> Participants) : IQuery<IReadOnlyList<Standing>>;

public sealed class GetStandingsHandler(IBoardStore boards) : IQueryHandler<GetStandings, IReadOnlyList<Standing>>
{
    public async ValueTask<IReadOnlyList<Standing>> Handle(GetStandings query, CancellationToken cancellationToken) =>
        query.Participants.Count == 0 ? [] : await boards.GetStandingsAsync(query.ContestId, query.Seq, query.Participants, cancellationToken);
}
