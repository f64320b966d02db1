using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

/// <summary>Ready means the store answers a PING within a second.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis, RedisOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var store = options.UsesEmbedded ? "embedded Garnet" : "Redis";
        if (!redis.IsConnected)
        {
            return HealthCheckResult.Unhealthy($"{store} is not connected");
        }
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy($"{store} answered PING in {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{store} did not answer PING: {ex.Message}");
        }
    }
}
