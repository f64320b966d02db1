using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Server.Live;

/// <summary>
/// Runs on the node that stored a stage change: sends the stage once per group (hosts, judges and screens; the teams'
/// seats) through the backplane, and schedules the buzzer's clock (the decision after the settle window, the end of
/// the window) on this node.
/// </summary>
public sealed class StageBroadcaster(IHubContext<QuizHub, IQuizClient> hub, LiveRooms rooms, StageTimer timer, TimeProvider clock)
    : INotificationHandler<StageMoved>
{
    public async ValueTask Handle(StageMoved moved, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(moved.ContestId, cancellationToken);
        var state = moved.Step.State;
        var view = StageViews.View(moved.ContestId, contest, state, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await hub.Clients.Groups(Groups.Watchers(moved.ContestId), Groups.Seats(moved.ContestId)).StageChanged(view);
        if (state.Phase != StagePhases.Armed)
        {
            return;
        }
        if (moved.Move.Kind == StageMachine.BuzzMove && state.Buzzes.Count == 1)
        {
            timer.Schedule(moved.ContestId, StageMoves.Decide, state.DecideAtMs);
        }
        else if (moved.Move.Kind != StageMachine.BuzzMove)
        {
            timer.Schedule(moved.ContestId, StageMoves.Expire, state.WindowEndsAtMs);
        }
    }
}
