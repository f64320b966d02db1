using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>Reads what a person's page needs to draw their attempt: the saved answers, and the result once it ended.</summary>
public sealed class AttemptViewer(IAttemptStore attempts, TimeProvider clock)
{
    public async ValueTask<AttemptView> ViewAsync(RoundSetup setup, Participant who, Attempt attempt, CancellationToken ct)
    {
        var contestId = setup.Contest.Id;
        var sheet = await attempts.GetAnswersAsync(contestId, who.Id, ct);
        var result = await attempts.GetResultAsync(contestId, who.Id, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return RoundViews.Attempt(setup, who, attempt, sheet, result is null ? null : await ResultAsync(setup, result, now, ct), now);
    }

    public async ValueTask<AttemptResultView> ResultAsync(RoundSetup setup, AttemptResult result, long nowMs, CancellationToken ct) =>
        RoundViews.Result(setup, result, setup.Round.Released(nowMs) ? await attempts.RankOfAsync(setup.Contest.Id, result, ct) : null, nowMs);
}
