using Mediator;
using Quiz.Contracts;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>The round's public facts and the server's now: what the page shows before anyone enters.</summary>
public sealed record GetRoundInfo(string ContestId) : IQuery<RoundInfo>;

public sealed class GetRoundInfoHandler(OnlineRounds rounds, TimeProvider clock) : IQueryHandler<GetRoundInfo, RoundInfo>
{
    public async ValueTask<RoundInfo> Handle(GetRoundInfo query, CancellationToken cancellationToken) =>
        RoundViews.Info(await rounds.GetAsync(query.ContestId, cancellationToken), clock.GetUtcNow().ToUnixTimeMilliseconds());
}
