using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>The contest behind a join code (for big screens and join links).</summary>
public sealed record FindContestByCode(string Code) : IQuery<string>;

public sealed class FindContestByCodeHandler(IContestStore store) : IQueryHandler<FindContestByCode, string>
{
    public async ValueTask<string> Handle(FindContestByCode query, CancellationToken cancellationToken) =>
        await store.FindByJoinCodeAsync(query.Code ?? "", cancellationToken)
            ?? throw new DomainException("unknown_code", $"No contest has the join code {query.Code}.");
}
