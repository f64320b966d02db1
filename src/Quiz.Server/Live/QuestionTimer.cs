using System.Collections.Concurrent;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Closes a question when its time is up (plus the grace). Once a second one node tells hosts and big screens how
/// many have answered: the holder of the question's <see cref="IAnswerCountLease"/>, normally the node that opened
/// it, which also closes on time. Every other node that heard of the opening, or first loaded the room while the
/// question was open (it started mid-question), keeps a backstop: it takes over the count if the opener's lease runs
/// out, and closes a little later if the room is still open (the opener died). The close is a compare-and-set on the
/// room's version and conditional on the room still being on that question, so exactly one close wins and a timer
/// that fires late never closes the next one. A store outage delays the close, never cancels it.
/// </summary>
public sealed partial class QuestionTimer(IServiceProvider services, TimeProvider clock, ILogger<QuestionTimer> logger) : IRoomFirstSeen
{
    private static readonly TimeSpan CountEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);

    /// <summary>Missing two renewals in a row hands the count to another node.</summary>
    private static readonly TimeSpan CountLease = TimeSpan.FromSeconds(2.5);

    /// <summary>This node, as a lease holder.</summary>
    private readonly string _node = Guid.NewGuid().ToString("N");

    /// <summary>How much later than the opener a backstop tries: in the usual case the opener's close is the only one.</summary>
    internal static readonly TimeSpan BackstopAfter = TimeSpan.FromSeconds(1.5);

    private readonly ConcurrentDictionary<(string ContestId, long Version), byte> _scheduled = new();

    /// <summary>On the node that opened (or resumed) the question. Call before the move is published to other nodes.</summary>
    public void Schedule(string contestId, Room room)
    {
        if (_scheduled.TryAdd((contestId, room.Version), 0))
        {
            _ = RunAsync(contestId, room, opener: true);
        }
    }

    /// <summary>On every node that heard of an opening; nothing if this node opened it itself.</summary>
    public void Backstop(string contestId, Room room)
    {
        if (room.IsOpen && _scheduled.TryAdd((contestId, room.Version), 0))
        {
            _ = RunAsync(contestId, room, opener: false);
        }
    }

    /// <summary>A room this node had not loaded before: if a question is open, nobody here heard it open.</summary>
    public void FirstSeen(string contestId, Room room) => Backstop(contestId, room);

    private async Task RunAsync(string contestId, Room room, bool opener)
    {
        try
        {
            var rooms = services.GetRequiredService<LiveRooms>();
            await CountUntilDueAsync(contestId, room, rooms);
            if (!opener)
            {
                await DelayUntilAsync(room.AcceptUntilMs + (long)BackstopAfter.TotalMilliseconds);
            }
            await CloseAsync(contestId, room, rooms, opener);
        }
        catch (Exception ex)
        {
            TimerFailed(logger, ex, contestId, room.Seq);
        }
        finally
        {
            _scheduled.TryRemove((contestId, room.Version), out _);
        }
    }

    private async Task CountUntilDueAsync(string contestId, Room room, LiveRooms rooms)
    {
        var sender = services.GetRequiredService<ISender>();
        var hub = services.GetRequiredService<IHubContext<QuizHub, IQuizClient>>();
        var participants = services.GetRequiredService<IParticipantStore>();
        var lease = services.GetRequiredService<IAnswerCountLease>();
        while (true)
        {
            var left = room.AcceptUntilMs - Now();
            if (left <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(left, CountEvery.TotalMilliseconds)), clock);
            var current = await rooms.GetRoomAsync(contestId, CancellationToken.None);
            if (current.Seq != room.Seq || current.Version != room.Version)
            {
                return; // moved on; CloseAsync sees it and does nothing
            }
            try
            {
                if (!await lease.TryHoldAsync(contestId, room.Version, _node, CountLease, CancellationToken.None))
                {
                    continue; // another node counts (normally the opener)
                }
                var answers = await sender.Send(new CountAnswers(contestId, room.Seq));
                await hub.Clients.Group(Groups.Watchers(contestId))
                    .AnswerCountChanged(new AnswerCount(contestId, room.Seq, answers, await participants.CountAsync(contestId, CancellationToken.None)));
            }
            catch (Exception ex) when (StoreFailures.IsOutage(ex))
            {
                // no count this second; the close still comes on time
            }
        }
    }

    /// <summary>Closes the question if the room is still where it was, trying again while the store is unreachable.</summary>
    private async Task CloseAsync(string contestId, Room room, LiveRooms rooms, bool opener)
    {
        var sender = services.GetRequiredService<ISender>();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // The opener trusts its view (a move reaches it first); a backstop reads the stored room first, so it
                // makes no move at all when the opener already closed.
                var current = opener && attempt == 0
                    ? await rooms.GetRoomAsync(contestId, CancellationToken.None)
                    : await rooms.RefreshAsync(contestId, CancellationToken.None);
                if (current.Seq != room.Seq || current.Version != room.Version)
                {
                    return; // closed, paused, next or ended: whoever moved it owns what comes next
                }
                await sender.Send(new MoveRoom(contestId, HostMoves.Close, opener ? "timer" : "timer:backstop", ExpectedSeq: room.Seq));
                if (!opener)
                {
                    BackstopClosed(logger, contestId, room.Seq);
                }
                return;
            }
            catch (Exception ex) when (StoreFailures.IsOutage(ex))
            {
                if (attempt == 0)
                {
                    CloseDelayed(logger, contestId, room.Seq);
                }
                await Task.Delay(RetryEvery, clock);
            }
        }
    }

    private async Task DelayUntilAsync(long atMs)
    {
        var wait = atMs - Now();
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), clock);
        }
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(LogLevel.Warning, "Auto-close of question {Seq} in contest {ContestId} failed")]
    private static partial void TimerFailed(ILogger logger, Exception exception, string contestId, int seq);

    [LoggerMessage(LogLevel.Warning, "Store unreachable: auto-close of question {Seq} in contest {ContestId} waits for it")]
    private static partial void CloseDelayed(ILogger logger, string contestId, int seq);

    [LoggerMessage(LogLevel.Information, "Closed question {Seq} in contest {ContestId} as a backstop (the node that opened it did not)")]
    private static partial void BackstopClosed(ILogger logger, string contestId, int seq);
}
