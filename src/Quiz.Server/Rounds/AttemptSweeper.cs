using Mediator;
using Quiz.Core.Features.Rounds;

namespace Quiz.Server.Rounds;

/// <summary>
/// Every node, every <see cref="RoundOptions.SweepMs"/>: submits the attempts whose deadline has passed, even if
/// their person never comes back. The interval runs on real time; what is due is decided by the injected clock.
/// </summary>
internal sealed partial class AttemptSweeper(ISender sender, RoundOptions options, ILogger<AttemptSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SweepMs));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var ended = await sender.Send(new FinishDueAttempts(options.SettleMs), stoppingToken);
                if (ended > 0)
                {
                    LogEnded(ended);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e); // Redis away for a moment: the next tick tries again, nothing is lost
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Submitted {Count} attempts at their deadline")]
    private partial void LogEnded(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping due attempts failed")]
    private partial void LogFailed(Exception e);
}

/// <summary>Quiz:Rounds settings.</summary>
public sealed class RoundOptions
{
    public const string Section = "Quiz:Rounds";

    /// <summary>How often each node looks for attempts past their deadline.</summary>
    public int SweepMs { get; set; } = 1000;

    /// <summary>How long after a deadline the sweep waits, so answers stamped just before it have been stored.</summary>
    public int SettleMs { get; set; } = 2000;
}
