using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Pings the store once a second and tells every connection this node holds when it becomes unreachable and when it
/// is back, so pages can show "reconnecting" while the socket itself is fine. A stopped Redis keeps its sockets open
/// (the multiplexer sees no failure, only timeouts), so a probe sees what connection events would miss. Sends go to
/// each local connection directly: group and broadcast sends travel through the Redis backplane, which is down too.
/// </summary>
public sealed partial class StoreWatch(IConnectionMultiplexer redis, IHubContext<QuizHub, IQuizClient> hub, TimeProvider clock,
    ILogger<StoreWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);
    private const int FailuresToDown = 2; // one slow ping on a busy machine is not an outage

    // A node whose own one-second timer woke this late is starved of CPU (a join storm at 50,000 on 2 cores did that):
    // its pings time out because it cannot run their replies, not because the store is gone. Telling every phone
    // "reconnecting" then would send them all to rejoin at the worst moment, so such a ping is not counted.
    private static readonly TimeSpan StarvedAfter = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, byte> _connections = new();
    private volatile bool _available = true;

    public bool Available => _available;

    public void Connected(string connectionId) => _connections.TryAdd(connectionId, 0);

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var verdict = new StoreVerdict(FailuresToDown, StarvedAfter);
        long downSince = 0;
        var expected = clock.GetUtcNow() + Every;
        while (!stoppingToken.IsCancellationRequested)
        {
            var lag = clock.GetUtcNow() - expected; // how late this node's own timer woke: a starved node, not a lost store
            var up = await PingAsync(stoppingToken);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            switch (verdict.Observe(up, lag))
            {
                case StoreVerdict.Change.Down:
                    downSince = now;
                    _available = false;
                    StoreLost(logger);
                    await TellEveryoneAsync(new StoreStatus(false, now));
                    break;
                case StoreVerdict.Change.Up:
                    _available = true;
                    StoreBack(logger, now - downSince);
                    await TellEveryoneAsync(new StoreStatus(true, now));
                    break;
                case StoreVerdict.Change.None when !up && lag >= StarvedAfter:
                    Starved(logger, (long)lag.TotalMilliseconds);
                    break;
            }
            expected = clock.GetUtcNow() + Every;
            try
            {
                await Task.Delay(Every, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(Every, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException || StoreFailures.IsOutage(ex))
        {
            return false;
        }
    }

    private async Task TellEveryoneAsync(StoreStatus status)
    {
        foreach (var connectionId in _connections.Keys)
        {
            try
            {
                await hub.Clients.Client(connectionId).StoreChanged(status);
            }
            catch (Exception ex) when (ex is RedisException or IOException or OperationCanceledException)
            {
                // gone meanwhile; its own reconnection tells it the state
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Store unreachable: telling this node's connections to wait")]
    private static partial void StoreLost(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Store back after {DownMs} ms")]
    private static partial void StoreBack(ILogger logger, long downMs);

    [LoggerMessage(LogLevel.Information, "A store ping failed while this node was starved (its timer woke {LagMs} ms late); not counted as an outage")]
    private static partial void Starved(ILogger logger, long lagMs);
}
