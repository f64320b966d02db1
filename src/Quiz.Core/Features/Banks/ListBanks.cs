using Mediator;
using Quiz.Core.Banks;

namespace Quiz.Core.Features.Banks;

public sealed record ListBanks : IQuery<IReadOnlyList<Bank>>;

public sealed class ListBanksHandler(IBankStore store) : IQueryHandler<ListBanks, IReadOnlyList<Bank>>
{
    public async ValueTask<IReadOnlyList<Bank>> Handle(ListBanks query, CancellationToken cancellationToken) =>
        await store.ListAsync(cancellationToken);
}
