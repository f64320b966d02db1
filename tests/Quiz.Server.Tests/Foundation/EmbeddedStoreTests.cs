using Microsoft.Extensions.DependencyInjection;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Foundation;

/// <summary>With no Redis configured the server hosts Garnet itself; what it stored is there after a restart.</summary>
public sealed class EmbeddedStoreTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "quiz-embedded", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Data_written_through_the_app_survives_a_restart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "",
            ["Quiz:Redis:EmbeddedDataDir"] = _dataDir,
        };
        string key;
        await using (var first = new QuizServer(nameof(EmbeddedStoreTests), settings))
        {
            Assert.NotNull(first.Services.GetService<EmbeddedGarnet>());
            key = first.Services.GetRequiredService<RedisKeys>().Meta("restart-probe");
            var db = first.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            await db.StringSetAsync(key, "still here");
        }

        settings["Quiz:Redis:KeyPrefix"] = key[..key.IndexOf("meta:", StringComparison.Ordinal)];
        await using var second = new QuizServer(nameof(EmbeddedStoreTests), settings);
        var again = second.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        Assert.Equal("still here", (string?)await again.StringGetAsync(key));
        Assert.True(Directory.EnumerateFileSystemEntries(_dataDir).Any(), "the data folder setting is honoured");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
