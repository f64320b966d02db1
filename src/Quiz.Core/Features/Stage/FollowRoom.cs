using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>When the host opens a question, the stage enters it too: the turn, the buzzer, the wager order are ready at once.</summary>
public sealed class FollowRoom(StageUpdater stage, LiveRooms rooms) : INotificationHandler<RoomMoved>
{
    public async ValueTask Handle(RoomMoved notification, CancellationToken cancellationToken)
    {
        if (notification.Move is not (HostMoves.Start or HostMoves.Next)
            || (await rooms.GetContestAsync(notification.ContestId, cancellationToken)).Stage is null)
        {
            return;
        }
        try
        {
            await stage.ApplyAsync(notification.ContestId, new StageMove(StageMoves.Enter), "room", cancellationToken);
        }
        catch (DomainException)
        {
            // the room has moved, which must not be undone; the stage enters the question on its next move instead
        }
    }
}
