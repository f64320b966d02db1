using Mediator;
using Microsoft.AspNetCore.Identity;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Accounts;

/// <summary>A login: the account if the password matches, else one refusal that does not say which part was wrong.</summary>
public sealed record CheckPassword(string UserName, string Password) : IQuery<AccountView>;

/// <summary>
/// Every login costs one password hash, whether the account exists or not and whatever the password: an unknown name
/// is checked against a hash of a random password, so the time a refusal takes does not tell which names exist.
/// </summary>
public sealed class CheckPasswordHandler(IAccountStore store, IPasswordHasher<Account> hasher) : IQueryHandler<CheckPassword, AccountView>
{
    private readonly Lazy<Account> _nobody = new(() =>
    {
        var nobody = new Account("", "", [], 0);
        return nobody with { PasswordHash = hasher.HashPassword(nobody, Ids.Secret()) };
    });

    public async ValueTask<AccountView> Handle(CheckPassword query, CancellationToken cancellationToken)
    {
        var account = await store.GetAsync(AccountRules.Normalize(query.UserName), cancellationToken);
        var checkedAgainst = account ?? _nobody.Value;
        var verdict = hasher.VerifyHashedPassword(checkedAgainst, checkedAgainst.PasswordHash, query.Password ?? "");
        if (account is null || string.IsNullOrEmpty(query.Password) || verdict == PasswordVerificationResult.Failed)
        {
            throw new DomainException("unauthorized", "The user name or the password is wrong.");
        }
        return new AccountView(account.UserName, account.Roles);
    }
}
