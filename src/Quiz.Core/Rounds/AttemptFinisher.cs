using Mediator;
using Microsoft.Extensions.Logging;
using Quiz.Core.Common;

namespace Quiz.Core.Rounds;

/// <summary>
/// Ends an attempt exactly once, whoever asks first (the person, or a node's sweeper at the deadline): scores the
/// saved answers, then claims the end in the store on the version of the answers it scored. The one caller that
/// wins publishes <see cref="Contests.AttemptSubmitted"/>; the others get the stored result. The claim also marks the
/// end unannounced until the notice is out, so a node that dies (or a listener that fails) in between costs no notice:
/// a later sweep announces it again. Delivery is at least once; listeners are idempotent.
/// </summary>
public sealed partial class AttemptFinisher(IAttemptStore attempts, IPublisher publisher, TimeProvider clock, ILogger<AttemptFinisher> logger)
{
    public async ValueTask<(AttemptResult Result, bool Ended)> FinishAsync(RoundSetup setup, string participantId, CancellationToken ct)
    {
        var contestId = setup.Contest.Id;
        var attempt = await attempts.GetAsync(contestId, participantId, ct)
            ?? throw new DomainException("no_attempt", "Start the round first.");
        // A save that lands while we score bumps the version and we score again; a handful of tries is plenty.
        for (var tries = 0; tries < 10; tries++)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var sheet = await attempts.GetAnswersAsync(contestId, participantId, ct);
            var automatic = now >= attempt.DeadlineMs;
            var result = AttemptScoring.Score(setup, attempt, sheet, Math.Min(now, attempt.DeadlineMs), automatic);
            switch (await attempts.TryFinishAsync(contestId, result, sheet.Version, now, ct))
            {
                case FinishOutcome.Finished:
                    await AnnounceAsync(setup, result, ct);
                    return (result, true);
                case FinishOutcome.AlreadyFinished:
                    return ((await attempts.GetResultAsync(contestId, participantId, ct))!, false);
            }
        }
        throw new DomainException("busy", "Answers kept changing while submitting; try again.");
    }

    /// <summary>
    /// Publishes an ended attempt's notice, then clears its unannounced mark. A failure leaves the mark for a later
    /// sweep and is not the person's problem: their attempt has ended either way.
    /// </summary>
    public async ValueTask AnnounceAsync(RoundSetup setup, AttemptResult result, CancellationToken ct)
    {
        var contestId = setup.Contest.Id;
        try
        {
            await publisher.Publish(AttemptScoring.Notification(setup, contestId, result), ct);
            await attempts.AnnouncedAsync(contestId, result.ParticipantId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AnnounceFailed(logger, ex, contestId, result.ParticipantId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Round {ContestId}: the end of {ParticipantId}'s attempt was stored but its notice failed; a sweep announces it again")]
    private static partial void AnnounceFailed(ILogger logger, Exception exception, string contestId, string participantId);
}
