using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Every node listens for room moves: it refreshes its view of the room (the answer path reads it) and, when a
/// question's results become public (its reveal, the board, the end), sends each participant whose socket it holds
/// that participant's own standing. Not at the close: a standing tells right from wrong, and in a stage contest the
/// team on stage may still be answering that question aloud.
/// </summary>
public sealed partial class RoomEventsListener(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    LiveRooms rooms,
    LocalParticipants local,
    ISender sender,
    IHubContext<QuizHub, IQuizClient> hub,
    IAnswerLedger ledger,
    QuestionTimer timer,
    TimeProvider clock,
    ILogger<RoomEventsListener> logger) : IHostedService
{
    private const int Chunk = 1000;

    /// <summary>Subscribes in the background: a node whose Redis is down still starts, not ready, and subscribes once it is back.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = SubscribeAsync();
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(keys.RoomEvents));
                queue.OnMessage(async message =>
                {
                    if (RoomEvent.Parse(message.Message) is { } e)
                    {
                        await HandleAsync(e);
                    }
                });
                return;
            }
            catch (RedisException) when (attempt < int.MaxValue)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, 1 + attempt)));
            }
        }
    }

    /// <summary>Best effort: a node stopping while its store is unreachable has nothing to unsubscribe from, and stops anyway.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(RedisChannel.Literal(keys.RoomEvents));
        }
        catch (RedisException ex)
        {
            UnsubscribeFailed(logger, ex);
        }
    }

    private async Task HandleAsync(RoomEvent e)
    {
        try
        {
            var room = await rooms.RefreshAsync(e.ContestId, CancellationToken.None);
            if (e.Move is HostMoves.Start or HostMoves.Next or HostMoves.Resume && room.Version == e.Version)
            {
                timer.Backstop(e.ContestId, room); // closes it if the node that opened it dies before it does
            }
            if (e.Move is HostMoves.Reveal or HostMoves.Board or HostMoves.End)
            {
                await StandingsAsync(e.ContestId, e.Seq, room);
            }
            if (e.Move == HostMoves.End)
            {
                rooms.Forget(e.ContestId); // definition, room, streaks and last answers serve no further question
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or Core.Common.DomainException)
        {
            ListenerFailed(logger, ex, e.ContestId, e.Move);
        }
    }

    /// <summary>
    /// Own standings go out once the question's answers are final: when nothing more can be accepted (at the end of
    /// an open question the accept window runs out first) and this node's ledger has stored what it took.
    /// </summary>
    private async Task StandingsAsync(string contestId, int seq, Room room)
    {
        if (local.Of(contestId).Count == 0)
        {
            return;
        }
        var wait = room.AcceptUntilMs - clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (room.Seq == seq && wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait), clock);
        }
        await ledger.DrainAsync(CancellationToken.None);
        if ((await rooms.RefreshAsync(contestId, CancellationToken.None)).Seq > seq)
        {
            // The host has already opened the next question: the board may hold its points, and a standing would
            // tell right from wrong while it is open. Its reveal sends the totals.
            return;
        }
        // One read of the boards for all of this node's participants, then the sends, in parallel chunks.
        var locals = local.Of(contestId);
        var standings = await sender.Send(new GetStandings(contestId, seq, [.. locals.Select(c => c.Value)], Final: true));
        await Parallel.ForEachAsync(locals.Zip(standings).Chunk(Chunk), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, _) =>
            await Task.WhenAll(chunk.Select(pair => hub.Clients.Client(pair.First.Key).StandingUpdated(pair.Second))));
    }

    [LoggerMessage(LogLevel.Warning, "Could not act on room event {Move} of contest {ContestId}")]
    private static partial void ListenerFailed(ILogger logger, Exception exception, string contestId, string move);

    [LoggerMessage(LogLevel.Information, "Stopping without unsubscribing from room events: the store is unreachable")]
    private static partial void UnsubscribeFailed(ILogger logger, Exception exception);
}
