using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;

namespace Quiz.Server.Live;

/// <summary>
/// Closes a question when its time is up (plus the grace), and meanwhile tells hosts and big screens how many have
/// answered, once a second. Runs on the node that opened the question; the close is conditional on the room still
/// being on that question, so a timer that fires late never closes the next one.
/// </summary>
public sealed partial class QuestionTimer(IServiceProvider services, TimeProvider clock, ILogger<QuestionTimer> logger)
{
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(1);

    public void Schedule(string contestId, Room room) => _ = RunAsync(contestId, room);

    private async Task RunAsync(string contestId, Room room)
    {
        try
        {
            var sender = services.GetRequiredService<ISender>();
            var hub = services.GetRequiredService<IHubContext<QuizHub, IQuizClient>>();
            var rooms = services.GetRequiredService<LiveRooms>();
            var participants = services.GetRequiredService<IParticipantStore>();
            while (true)
            {
                var left = TimeSpan.FromMilliseconds(room.AcceptUntilMs - clock.GetUtcNow().ToUnixTimeMilliseconds());
                if (left <= TimeSpan.Zero)
                {
                    break;
                }
                await Task.Delay(left < CountEvery ? left : CountEvery, clock);
                var current = await rooms.GetRoomAsync(contestId, CancellationToken.None);
                if (current.Seq != room.Seq || current.Version != room.Version)
                {
                    return; // moved on (closed, paused, next): whoever moved it owns what comes next
                }
                var answers = await sender.Send(new CountAnswers(contestId, room.Seq));
                await hub.Clients.Group(Groups.Watchers(contestId))
                    .AnswerCountChanged(new AnswerCount(contestId, room.Seq, answers, await participants.CountAsync(contestId, CancellationToken.None)));
            }
            await sender.Send(new MoveRoom(contestId, HostMoves.Close, "timer", ExpectedSeq: room.Seq));
        }
        catch (Exception ex)
        {
            TimerFailed(logger, ex, contestId, room.Seq);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Auto-close of question {Seq} in contest {ContestId} failed")]
    private static partial void TimerFailed(ILogger logger, Exception exception, string contestId, int seq);
}
