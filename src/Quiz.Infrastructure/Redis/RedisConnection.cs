using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

/// <summary>Opens the one shared multiplexer. Never throws for an unreachable server: it logs once and keeps retrying.</summary>
internal static class RedisConnection
{
    public static IConnectionMultiplexer Open(string configuration, ILogger logger)
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false; // start not-ready rather than crash; the multiplexer reconnects by itself
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 3000);
        options.ClientName ??= "quiz";
        var endpoints = string.Join(',', options.EndPoints.Select(e => e.ToString()));
        RedisLog.UsingExternal(logger, endpoints);

        var multiplexer = ConnectionMultiplexer.Connect(options);
        var down = 0;
        // ConnectionFailed fires on every retry; one log line per outage is what an operator can read.
        multiplexer.ConnectionFailed += (_, e) =>
        {
            if (Interlocked.Exchange(ref down, 1) == 0)
            {
                RedisLog.Unreachable(logger, e.EndPoint?.ToString() ?? endpoints, e.FailureType.ToString());
            }
        };
        multiplexer.ConnectionRestored += (_, e) =>
        {
            if (Interlocked.Exchange(ref down, 0) == 1)
            {
                RedisLog.Restored(logger, e.EndPoint?.ToString() ?? endpoints);
            }
        };
        if (!multiplexer.IsConnected)
        {
            Interlocked.Exchange(ref down, 1);
            RedisLog.Unreachable(logger, endpoints, "ConnectFailed");
        }
        return multiplexer;
    }
}
