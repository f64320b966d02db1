using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

/// <summary>Opens the store (and starts the embedded Garnet) at startup rather than on the first request.</summary>
internal sealed class RedisWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(IConnectionMultiplexer)) as IConnectionMultiplexer;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
