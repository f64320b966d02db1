using Mediator;
using Quiz.Core.Common;

namespace Quiz.Core.Rounds;

/// <summary>
/// Ends an attempt exactly once, whoever asks first (the person, or a node's sweeper at the deadline): scores the
/// saved answers, then claims the end in the store on the version of the answers it scored. The one caller that
/// wins publishes <see cref="Contests.AttemptSubmitted"/>; the others get the stored result.
/// </summary>
public sealed class AttemptFinisher(IAttemptStore attempts, IPublisher publisher, TimeProvider clock)
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
            switch (await attempts.TryFinishAsync(contestId, result, sheet.Version, ct))
            {
                case FinishOutcome.Finished:
                    await publisher.Publish(AttemptScoring.Notification(setup, contestId, result), ct);
                    return (result, true);
                case FinishOutcome.AlreadyFinished:
                    return ((await attempts.GetResultAsync(contestId, participantId, ct))!, false);
            }
        }
        throw new DomainException("busy", "Answers kept changing while submitting; try again.");
    }
}
