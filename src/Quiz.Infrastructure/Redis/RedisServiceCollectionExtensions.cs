using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quiz.Core.Accounts;
using Quiz.Core.Audit;
using Quiz.Core.Banks;
using Quiz.Infrastructure.Accounts;
using Quiz.Infrastructure.Banks;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>
    /// The system of record: the Redis named by <c>ConnectionStrings:Redis</c> (or <c>Quiz:Redis:ConnectionString</c>),
    /// else a Garnet hosted in this process; and the stores on it (banks, and the question source contests read).
    /// </summary>
    public static IServiceCollection AddQuizRedis(this IServiceCollection services, IConfiguration configuration) =>
        services.AddQuizRedis(RedisOptions.From(configuration));

    public static IServiceCollection AddQuizRedis(this IServiceCollection services, RedisOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(new RedisKeys(options.KeyPrefix));
        if (options.UsesEmbedded)
        {
            // Resolved before the multiplexer, so the container disposes it after the multiplexer (reverse order).
            services.AddSingleton(sp => new EmbeddedGarnet(options.EmbeddedDataDir, options.EmbeddedPort, sp.GetService<ILoggerFactory>()));
        }
        services.AddSingleton<IConnectionMultiplexer>(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Quiz.Redis");
            var configuration = options.UsesEmbedded
                ? sp.GetRequiredService<EmbeddedGarnet>().ConnectionString
                : options.ConnectionString!;
            return RedisConnection.Open(configuration, logger);
        });
        services.AddSingleton<ReplicaWait>();
        services.AddHostedService<RedisWarmup>();
        // The bank store serves organizers (IBankStore) and contests (IQuestionSource) from one cache.
        services.AddSingleton<RedisBankStore>();
        services.AddSingleton<IBankStore>(sp => sp.GetRequiredService<RedisBankStore>());
        services.AddSingleton<IQuestionSource>(sp => sp.GetRequiredService<RedisBankStore>());
        services.AddSingleton<IAccountStore, RedisAccountStore>();
        services.AddSingleton<IAuditLog, RedisAuditLog>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }
}
