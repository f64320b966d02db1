using Mediator;
using Quiz.Core.Accounts;

namespace Quiz.Core.Features.Accounts;

public sealed record ListAccounts : IQuery<IReadOnlyList<AccountView>>;

public sealed class ListAccountsHandler(IAccountStore store) : IQueryHandler<ListAccounts, IReadOnlyList<AccountView>>
{
    public async ValueTask<IReadOnlyList<AccountView>> Handle(ListAccounts query, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(a => new AccountView(a.UserName, a.Roles)).OrderBy(a => a.UserName, StringComparer.Ordinal)];
}
