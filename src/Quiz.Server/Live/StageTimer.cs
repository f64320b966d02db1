using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Features.Stage;

namespace Quiz.Server.Live;

/// <summary>
/// The buzzer's clock on the node that armed it or took the first buzz: decides the buzz once the settle window is
/// over, and sends the question to the audience when the window ends with no buzz. Both are refused harmlessly when
/// the stage has moved on (decided, judged, next question), so a late or duplicate timer does nothing.
/// </summary>
public sealed partial class StageTimer(IServiceProvider services, TimeProvider clock, ILogger<StageTimer> logger)
{
    public void Schedule(string contestId, string move, long atMs) => _ = RunAsync(contestId, move, atMs);

    private async Task RunAsync(string contestId, string move, long atMs)
    {
        try
        {
            var wait = atMs - clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait), clock);
            }
            for (var attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    await services.GetRequiredService<ISender>().Send(new MoveStage(contestId, new StageRequest(move), "timer"));
                    return;
                }
                catch (DomainException ex) when (ex.Code == "settling")
                {
                    // Not yet: another node's clock is a little ahead of ours, or our delay ended before the wall clock did.
                    await Task.Delay(TimeSpan.FromMilliseconds(25), clock);
                }
            }
        }
        catch (DomainException)
        {
            // moved on: decided, judged or the next question already
        }
        catch (ObjectDisposedException)
        {
            // the node is shutting down; another node's timer or the host finishes the question
        }
        catch (Exception ex)
        {
            TimerFailed(logger, ex, move, contestId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Stage timer '{Move}' in contest {ContestId} failed")]
    private static partial void TimerFailed(ILogger logger, Exception exception, string move, string contestId);
}
