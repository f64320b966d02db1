using Mediator;
using Microsoft.AspNetCore.Identity;
using Quiz.Core.Accounts;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Accounts;

/// <summary>An admin sets a new password for an account (forgotten, or handed over). Audited, never with the password.</summary>
public sealed record ResetPassword(string UserName, string Password) : ICommand<AccountView>, IValidated, IAudited
{
    public string AuditTarget => $"account:{AccountRules.Normalize(UserName ?? "")}";

    public IEnumerable<FieldError> Validate() => AccountRules.PasswordErrors(UserName, Password);
}

public sealed class ResetPasswordHandler(IAccountStore store, IPasswordHasher<Account> hasher) : ICommandHandler<ResetPassword, AccountView>
{
    public async ValueTask<AccountView> Handle(ResetPassword command, CancellationToken cancellationToken)
    {
        var name = AccountRules.Normalize(command.UserName);
        var account = await store.GetAsync(name, cancellationToken) ?? throw DomainException.NotFound("Account", name);
        await store.SaveAsync(account with { PasswordHash = hasher.HashPassword(account, command.Password) }, cancellationToken);
        return new AccountView(account.UserName, account.Roles);
    }
}
