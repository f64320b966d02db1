using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

/// <summary>Tells a store outage (it passes when Redis is back) from a refusal (a bug or bad data, it never passes).</summary>
public static class StoreFailures
{
    public static bool IsOutage(Exception ex) => ex switch
    {
        RedisConnectionException or RedisTimeoutException => true,
        // Redis loading its append-only file after a restart; a cluster resharding or without a master for a slot.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || server.Message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal),
        _ => false,
    };
}
