using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Features.Banks;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Hosting;

/// <summary>
/// On first start with an empty store, imports the shipped sample questions (SampleData/*.json, embedded in this
/// assembly) into one bank through the same import command as the API, so the same validation applies.
/// A marker key makes it happen once per store: several nodes starting together, or an organizer who later deletes
/// every bank, do not get it again. Off with Quiz:SampleBank:Enabled=false.
/// </summary>
internal sealed partial class SampleBank(IServiceProvider services, IConfiguration configuration, ILogger<SampleBank> logger) : BackgroundService
{
    public const string BankName = "科学素质示例题库";
    private const string ResourcePrefix = "SampleData.";

    /// <summary>The shipped sample files: name and content.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Files()
    {
        var assembly = typeof(SampleBank).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name[ResourcePrefix.Length..], buffer.ToArray());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Quiz:SampleBank:Enabled", true))
        {
            return;
        }
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        while (!redis.IsConnected)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); // an unreachable store is reported by health, not here
        }
        var marker = services.GetRequiredService<RedisKeys>().Meta("sample-bank");
        var db = redis.GetDatabase();
        try
        {
            if ((await services.GetRequiredService<IBankStore>().ListAsync(stoppingToken)).Count > 0
                || !await db.StringSetAsync(marker, "loading", TimeSpan.FromMinutes(5), When.NotExists))
            {
                return;
            }
            await LoadAsync(stoppingToken);
            await db.StringSetAsync(marker, "done");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            LoadFailed(logger, ex);
            await db.KeyDeleteAsync(marker, CommandFlags.FireAndForget);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var sender = services.GetRequiredService<ISender>();
        var bank = await sender.Send(new CreateBank(BankName), ct);
        var added = 0;
        foreach (var (name, content) in Files())
        {
            var report = await sender.Send(new ImportQuestions(bank.Id, BankFormat.Json, content), ct);
            added += report.Added;
            foreach (var error in report.Errors)
            {
                FileError(logger, name, error.Row, error.Column, error.Message);
            }
        }
        Loaded(logger, added, bank.Id);
    }

    [LoggerMessage(LogLevel.Information, "Sample bank loaded: {Count} questions in bank {BankId}")]
    private static partial void Loaded(ILogger logger, int count, string bankId);

    [LoggerMessage(LogLevel.Warning, "Sample file {File} not imported: question {Row} {Column}: {Message}")]
    private static partial void FileError(ILogger logger, string file, int row, string column, string message);

    [LoggerMessage(LogLevel.Warning, "Sample bank not loaded; it will be tried again at the next start")]
    private static partial void LoadFailed(ILogger logger, Exception exception);
}
