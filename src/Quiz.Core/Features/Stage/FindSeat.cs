using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>Finds the team whose seat a code opens; refused for a wrong code.</summary>
public sealed record FindSeat(string ContestId, string Code) : IQuery<int>;

public sealed class FindSeatHandler(LiveRooms rooms) : IQueryHandler<FindSeat, int>
{
    public async ValueTask<int> Handle(FindSeat query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        return SeatCodes.TeamOf(contest, query.Code) ?? throw new DomainException("forbidden", "This seat code opens no team's seat in this contest.");
    }
}
