using Mediator;
using Microsoft.AspNetCore.Identity;
using Quiz.Core.Accounts;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Accounts;

/// <summary>A login: the account if the password matches, else one refusal that does not say which part was wrong.</summary>
public sealed record CheckPassword(string UserName, string Password) : IQuery<AccountView>;

public sealed class CheckPasswordHandler(IAccountStore store, IPasswordHasher<Account> hasher) : IQueryHandler<CheckPassword, AccountView>
{
    public async ValueTask<AccountView> Handle(CheckPassword query, CancellationToken cancellationToken)
    {
        var account = await store.GetAsync(AccountRules.Normalize(query.UserName ?? ""), cancellationToken);
        if (account is null || string.IsNullOrEmpty(query.Password)
            || hasher.VerifyHashedPassword(account, account.PasswordHash, query.Password) == PasswordVerificationResult.Failed)
        {
            throw new DomainException("unauthorized", "The user name or the password is wrong.");
        }
        return new AccountView(account.UserName, account.Roles);
    }
}
