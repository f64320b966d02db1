using Mediator;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>A contest's join code; not_found if there is no such contest. For callers already authorized by role.</summary>
public sealed record GetJoinCode(string ContestId) : IQuery<string>;

public sealed class GetJoinCodeHandler(LiveRooms rooms, IContestStore store) : IQueryHandler<GetJoinCode, string>
{
    public async ValueTask<string> Handle(GetJoinCode query, CancellationToken cancellationToken)
    {
        await rooms.GetContestAsync(query.ContestId, cancellationToken);
        return await store.GetJoinCodeAsync(query.ContestId, cancellationToken) ?? "";
    }
}
