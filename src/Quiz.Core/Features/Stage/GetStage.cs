using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>The stage as it stands (null for a contest without one): for a big screen, host or seat that (re)connects.</summary>
public sealed record GetStage(string ContestId) : IQuery<StageView?>;

public sealed class GetStageHandler(StageUpdater stage, LiveRooms rooms, TimeProvider clock) : IQueryHandler<GetStage, StageView?>
{
    public async ValueTask<StageView?> Handle(GetStage query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        return contest.Stage is null
            ? null
            : StageViews.View(query.ContestId, contest, await stage.GetAsync(query.ContestId, cancellationToken), clock.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
