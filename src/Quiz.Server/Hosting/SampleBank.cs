using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Features.Assessment;
using Quiz.Core.Features.Banks;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Hosting;

/// <summary>
/// On first start with an empty store, imports the shipped sample questions (SampleData/*.json, embedded in this
/// assembly) into one bank through the same import command as the API, so the same validation applies; then, once
/// per store whatever else it holds, the literacy-assessment questionnaire (AssessmentData/*.json) as its own bank,
/// 科学素质测评题库. A marker key per bank makes each happen once per store: several nodes starting together, or an
/// organizer who later deletes the bank, do not get it again. Both off with Quiz:SampleBank:Enabled=false.
/// The sample goes first, so its "empty store" check never sees the assessment bank. Both wait until the server
/// listens, so a start that fails loads nothing.
/// </summary>
internal sealed partial class SampleBank(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<SampleBank> logger)
    : BackgroundService
{
    public const string BankName = "科学素质示例题库";

    /// <summary>Names of the once-per-store markers (under <c>meta:</c>); "done" once the bank's last file is in.</summary>
    public const string SampleMarker = "sample-bank";
    public const string AssessmentMarker = "assessment-bank";
    private const string ResourcePrefix = "SampleData.";

    /// <summary>The shipped sample files: name and content.</summary>
    public static IEnumerable<(string Name, byte[] Content)> Files() => Files(ResourcePrefix);

    /// <summary>The shipped assessment questionnaire: name and content.</summary>
    public static IEnumerable<(string Name, byte[] Content)> AssessmentFiles() => Files("AssessmentData.");

    private static IEnumerable<(string Name, byte[] Content)> Files(string prefix)
    {
        var assembly = typeof(SampleBank).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return (name[prefix.Length..], buffer.ToArray());
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Quiz:SampleBank:Enabled", true))
        {
            return;
        }
        await ServerStarted.WaitAsync(lifetime, stoppingToken);
        var redis = services.GetRequiredService<IConnectionMultiplexer>();
        while (!redis.IsConnected)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); // an unreachable store is reported by health, not here
        }
        var isEmpty = async () => (await services.GetRequiredService<IBankStore>().ListAsync(stoppingToken)).Count == 0;
        await LoadOnceAsync(redis.GetDatabase(), SampleMarker, BankName, Files, isEmpty, stoppingToken);
        await LoadOnceAsync(redis.GetDatabase(), AssessmentMarker, CreateAssessment.ShippedBankName, AssessmentFiles, () => Task.FromResult(true), stoppingToken);
    }

    private async Task LoadOnceAsync(IDatabase db, string markerName, string bankName, Func<IEnumerable<(string Name, byte[] Content)>> files,
        Func<Task<bool>> wanted, CancellationToken ct)
    {
        var marker = services.GetRequiredService<RedisKeys>().Meta(markerName);
        try
        {
            if (!await wanted() || !await db.StringSetAsync(marker, "loading", TimeSpan.FromMinutes(5), When.NotExists))
            {
                return;
            }
            await LoadAsync(bankName, files(), ct);
            await db.StringSetAsync(marker, "done");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or OperationCanceledException)
        {
            LoadFailed(logger, bankName, ex);
            await db.KeyDeleteAsync(marker, CommandFlags.FireAndForget);
        }
    }

    private async Task LoadAsync(string bankName, IEnumerable<(string Name, byte[] Content)> files, CancellationToken ct)
    {
        var sender = services.GetRequiredService<ISender>();
        var bank = await sender.Send(new CreateBank(bankName), ct);
        var added = 0;
        foreach (var (name, content) in files)
        {
            var report = await sender.Send(new ImportQuestions(bank.Id, BankFormat.Json, content), ct);
            added += report.Added;
            foreach (var error in report.Errors)
            {
                FileError(logger, name, error.Row, error.Column, error.Message);
            }
        }
        Loaded(logger, bankName, added, bank.Id);
    }

    [LoggerMessage(LogLevel.Information, "Shipped bank {BankName} loaded: {Count} questions in bank {BankId}")]
    private static partial void Loaded(ILogger logger, string bankName, int count, string bankId);

    [LoggerMessage(LogLevel.Warning, "Sample file {File} not imported: question {Row} {Column}: {Message}")]
    private static partial void FileError(ILogger logger, string file, int row, string column, string message);

    [LoggerMessage(LogLevel.Warning, "Shipped bank {BankName} not loaded; it will be tried again at the next start")]
    private static partial void LoadFailed(ILogger logger, string bankName, Exception exception);
}
