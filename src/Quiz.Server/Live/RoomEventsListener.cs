using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Every node listens for room moves: it refreshes its view of the room (the answer path reads it) and, after a
/// reveal, a board or the end, sends each participant whose socket it holds that participant's own standing.
/// </summary>
public sealed partial class RoomEventsListener(
    IConnectionMultiplexer redis,
    RedisKeys keys,
    LiveRooms rooms,
    LocalParticipants local,
    ISender sender,
    IHubContext<QuizHub, IQuizClient> hub,
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

    public Task StopAsync(CancellationToken cancellationToken) =>
        redis.GetSubscriber().UnsubscribeAsync(RedisChannel.Literal(keys.RoomEvents));

    private async Task HandleAsync(RoomEvent e)
    {
        try
        {
            await rooms.RefreshAsync(e.ContestId, CancellationToken.None);
            if (e.Move is HostMoves.Reveal or HostMoves.Board or HostMoves.End)
            {
                await PushStandingsAsync(e.ContestId, e.Seq);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or Core.Common.DomainException)
        {
            ListenerFailed(logger, ex, e.ContestId, e.Move);
        }
    }

    private async Task PushStandingsAsync(string contestId, int seq)
    {
        foreach (var chunk in local.Of(contestId).Chunk(Chunk))
        {
            var standings = await sender.Send(new GetStandings(contestId, seq, [.. chunk.Select(c => c.Value)]));
            var sends = chunk.Zip(standings).Select(pair => hub.Clients.Client(pair.First.Key).StandingUpdated(pair.Second));
            await Task.WhenAll(sends);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not act on room event {Move} of contest {ContestId}")]
    private static partial void ListenerFailed(ILogger logger, Exception exception, string contestId, string move);
}
