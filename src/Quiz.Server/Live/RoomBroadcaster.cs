using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Runs on the node where the host moved the room: tells every node (Redis pub/sub, so each refreshes its view and
/// pushes standings to its own participants), then sends the room's news once per group (SignalR serializes a
/// group message once per protocol, and the backplane carries it to the other nodes).
/// </summary>
public sealed class RoomBroadcaster(
    IHubContext<QuizHub, IQuizClient> hub,
    ISender sender,
    LiveRooms rooms,
    IParticipantStore participants,
    IConnectionMultiplexer redis,
    RedisKeys keys,
    QuestionTimer timer,
    LiveOptions options,
    TimeProvider clock) : INotificationHandler<RoomMoved>
{
    public async ValueTask Handle(RoomMoved moved, CancellationToken cancellationToken)
    {
        var (contestId, room) = (moved.ContestId, moved.Room);
        if (moved.Move is HostMoves.Start or HostMoves.Next or HostMoves.Resume && room.IsOpen)
        {
            timer.Schedule(contestId, room); // before the news reaches other nodes, which keep only a backstop
        }
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(keys.RoomEvents), RoomEvent.Format(contestId, moved.Move, room));

        var contest = await rooms.GetContestAsync(contestId, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var everyone = hub.Clients.Group(Groups.Everyone(contestId));
        var watchers = hub.Clients.Group(Groups.Watchers(contestId));
        var state = Views.State(contest, room, await participants.CountAsync(contestId, cancellationToken), now);
        // Phones get only what they show: each message to every phone costs a send per socket, so the room state
        // and the boards go to hosts and big screens, and phones learn the state from the question's own events.
        switch (moved.Move)
        {
            case HostMoves.Start or HostMoves.Next:
                await everyone.QuestionOpened(Views.Question(contest, room, now));
                await watchers.RoomChanged(state);
                break;
            case HostMoves.Resume:
                await everyone.RoomChanged(state);
                if (room.Status == RoomStatuses.Open)
                {
                    await everyone.QuestionOpened(Views.Question(contest, room, now));
                }
                break;
            case HostMoves.Close:
                // To phones too: an early close must stop their countdowns, and their standings wait for the reveal.
                await everyone.QuestionClosed(new QuestionClosed(contestId, room.Seq,
                    await sender.Send(new CountAnswers(contestId, room.Seq), cancellationToken), now));
                await watchers.RoomChanged(state);
                break;
            case HostMoves.Reveal:
                await everyone.AnswerRevealed(await sender.Send(new GetAnswerReveal(contestId, room.Seq), cancellationToken));
                await watchers.RoomChanged(state);
                break;
            case HostMoves.Board:
                await watchers.LeaderboardShown(await sender.Send(new GetLeaderboard(contestId, options.BoardTop, Live: true), cancellationToken));
                await watchers.RoomChanged(state);
                break;
            default: // pause, end
                await everyone.RoomChanged(state);
                if (moved.Move == HostMoves.End)
                {
                    await watchers.LeaderboardShown(await sender.Send(new GetLeaderboard(contestId, options.BoardTop, Live: true), cancellationToken));
                }
                break;
        }
    }
}
