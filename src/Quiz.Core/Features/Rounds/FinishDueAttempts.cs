using Mediator;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// Submits, for every online round, the open attempts whose deadline passed more than <see cref="SettleMs"/> ago,
/// so answers stamped just before the deadline have landed. Every node runs it; the store's claim makes each
/// attempt end once. It also announces again the ends whose notice has been missing for <see cref="AnnounceAfterMs"/>
/// (the node that ended them died before publishing). Returns how many attempts this call ended.
/// </summary>
public sealed record FinishDueAttempts(long SettleMs, int Max = 1000, int Parallel = 16, long AnnounceAfterMs = 30_000) : ICommand<int>;

public sealed class FinishDueAttemptsHandler(IAttemptStore attempts, OnlineRounds rounds, AttemptFinisher finisher, TimeProvider clock)
    : ICommandHandler<FinishDueAttempts, int>
{
    public async ValueTask<int> Handle(FinishDueAttempts command, CancellationToken cancellationToken)
    {
        var ended = 0;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var before = now - command.SettleMs;
        foreach (var contestId in await attempts.RoundIdsAsync(cancellationToken))
        {
            await AnnounceMissedAsync(contestId, now, command, cancellationToken);
            var due = await attempts.DueAsync(contestId, before, command.Max, cancellationToken);
            if (due.Count == 0)
            {
                // Nobody can start after the close and every deadline is at or before it: a closed round with nothing
                // due and every end announced is done.
                if (before > (await rounds.GetAsync(contestId, cancellationToken)).Round.ClosesAtMs
                    && await attempts.CountOpenAsync(contestId, cancellationToken) == 0
                    && (await attempts.UnannouncedAsync(contestId, long.MaxValue, 1, cancellationToken)).Count == 0)
                {
                    await attempts.RetireRoundAsync(contestId, cancellationToken);
                }
                continue;
            }
            var setup = await rounds.GetAsync(contestId, cancellationToken);
            // Nodes sweep at the same moments; a shuffled order spreads them over the list. Each end is a few round
            // trips, so several run at once: a window closing on everyone leaves thousands due in the same second.
            await Parallel.ForEachAsync(due.OrderBy(_ => Random.Shared.Next()),
                new ParallelOptions { MaxDegreeOfParallelism = command.Parallel, CancellationToken = cancellationToken },
                async (participantId, ct) =>
                {
                    if ((await finisher.FinishAsync(setup, participantId, ct)).Ended)
                    {
                        Interlocked.Increment(ref ended);
                    }
                });
        }
        return ended;
    }

    private async Task AnnounceMissedAsync(string contestId, long now, FinishDueAttempts command, CancellationToken ct)
    {
        var since = now - command.AnnounceAfterMs;
        var missed = await attempts.UnannouncedAsync(contestId, since, command.Max, ct);
        if (missed.Count == 0)
        {
            return;
        }
        var setup = await rounds.GetAsync(contestId, ct);
        foreach (var participantId in missed)
        {
            if (await attempts.ClaimAnnouncementAsync(contestId, participantId, since, now, ct)
                && await attempts.GetResultAsync(contestId, participantId, ct) is { } result)
            {
                await finisher.AnnounceAsync(setup, result, ct);
            }
        }
    }
}
