using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// One's own paper with the keys and explanations, once the results are released, in a round created with
/// <c>review: true</c>. Refused (409 <c>review_off</c>) otherwise; the endpoint refuses an assessment before asking.
/// </summary>
public sealed record GetAttemptReview(string ContestId, string Token) : IQuery<AttemptReview>;

public sealed class GetAttemptReviewHandler(RoundAccess access, IAttemptStore attempts, TimeProvider clock) : IQueryHandler<GetAttemptReview, AttemptReview>
{
    public async ValueTask<AttemptReview> Handle(GetAttemptReview query, CancellationToken cancellationToken)
    {
        var (setup, who) = await access.AuthenticateAsync(query.ContestId, query.Token, cancellationToken);
        if (!setup.Round.Review)
        {
            throw new DomainException("review_off", "This round does not show papers after the results.");
        }
        var attempt = await attempts.GetAsync(query.ContestId, who.Id, cancellationToken)
            ?? throw new DomainException("not_found", "You have not started this round.");
        var result = await attempts.GetResultAsync(query.ContestId, who.Id, cancellationToken)
            ?? throw new DomainException("attempt_open", "Hand the paper in first.");
        if (!setup.Round.Released(clock.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            throw new DomainException("results_not_released", "The keys are shown once the results are released.");
        }
        return RoundViews.Review(setup, attempt, result);
    }
}
