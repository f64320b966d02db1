using Mediator;
using Quiz.Core.Accounts;

namespace Quiz.Core.Features.Accounts;

/// <summary>Whether /admin should offer the first-admin setup: true while the store has no account.</summary>
public sealed record GetSetupState : IQuery<SetupState>;

public sealed record SetupState(bool Needed);

public sealed class GetSetupStateHandler(IAccountStore store) : IQueryHandler<GetSetupState, SetupState>
{
    public async ValueTask<SetupState> Handle(GetSetupState query, CancellationToken cancellationToken) =>
        new(!await store.AnyAsync(cancellationToken));
}
