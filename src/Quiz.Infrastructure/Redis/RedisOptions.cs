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
        return options;
    }
}
