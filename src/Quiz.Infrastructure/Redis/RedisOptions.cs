using Microsoft.Extensions.Configuration;

namespace Quiz.Infrastructure.Redis;

/// <summary>Where the system of record lives. Bound from <c>ConnectionStrings:Redis</c> and the <c>Quiz:Redis</c> section.</summary>
public sealed class RedisOptions
{
    public const string Section = "Quiz:Redis";

    /// <summary>A StackExchange.Redis configuration string. Empty means: host Garnet in-process.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the embedded Garnet's checkpoints and append-only file.</summary>
    public string EmbeddedDataDir { get; set; } = "data/garnet";

    /// <summary>Loopback port for the embedded Garnet; 0 picks a free one.</summary>
    public int EmbeddedPort { get; set; }

    /// <summary>Prefix for every key this process writes; lets tests and tenants share one Redis.</summary>
    public string KeyPrefix { get; set; } = "quiz:";

    /// <summary>
    /// Replicas that must confirm an answer batch or a room move (Redis <c>WAIT</c>) before it is acknowledged or
    /// announced, so an acknowledged answer survives the loss of its master. 0: no wait (replication stays
    /// asynchronous; one round trip less). See docs/scale-out.md.
    /// </summary>
    public int AckAfterReplicas { get; set; }

    /// <summary>How long a write waits for <see cref="AckAfterReplicas"/> before it is acknowledged anyway (counted, logged).</summary>
    public int ReplicaWaitMs { get; set; } = 500;

    public bool UsesEmbedded => string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>The <c>Quiz:Redis</c> section, with <c>ConnectionStrings:Redis</c> taking precedence when set.</summary>
    public static RedisOptions From(IConfiguration configuration)
    {
        var options = new RedisOptions();
        configuration.GetSection(Section).Bind(options);
        var named = configuration.GetConnectionString("Redis");
        if (!string.IsNullOrWhiteSpace(named))
        {
            options.ConnectionString = named;
        }
        options.CheckReplicaWait();
        return options;
    }

    /// <summary>A wrong replica setting stops the start with what to change, instead of surfacing in a contest.</summary>
    private void CheckReplicaWait()
    {
        // WAIT with a timeout of 0 blocks for ever; a negative count is a typo. Either must stop the start, not a contest.
        if (AckAfterReplicas < 0)
        {
            throw new InvalidOperationException($"{Section}:AckAfterReplicas must be 0 (do not wait) or a number of replicas, not {AckAfterReplicas}.");
        }
        if (AckAfterReplicas > 0)
        {
            if (UsesEmbedded)
            {
                throw new InvalidOperationException($"{Section}:AckAfterReplicas needs a Redis with replicas (ConnectionStrings:Redis); the embedded Garnet has none.");
            }
            // A wait the client gives up on first would fail as a timeout and run the batch again, for ever.
            var clientTimeout = StackExchange.Redis.ConfigurationOptions.Parse(ConnectionString!).AsyncTimeout;
            if (ReplicaWaitMs <= 0 || ReplicaWaitMs >= clientTimeout)
            {
                throw new InvalidOperationException(
                    $"{Section}:ReplicaWaitMs must be at least 1 ms and below the Redis client's asyncTimeout ({clientTimeout} ms), not {ReplicaWaitMs}.");
            }
        }
    }
}
