using Mediator;
using Microsoft.AspNetCore.Identity;
using Quiz.Core.Accounts;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Accounts;

/// <summary>
/// The first admin, created from /admin with the setup code a node printed at start. Works only while no account
/// exists (then the codes are forgotten), so it is single use; audited, never with the code or the password.
/// </summary>
public sealed record CreateFirstAdmin(string SetupCode, string UserName, string Password) : ICommand<AccountView>, IValidated, IAudited
{
    public string AuditTarget => $"account:{AccountRules.Normalize(UserName ?? "")}";

    public IEnumerable<FieldError> Validate() =>
        AccountRules.UserNameErrors(UserName).Concat(AccountRules.PasswordErrors(UserName, Password))
            .Concat(string.IsNullOrWhiteSpace(SetupCode) ? [new FieldError("setupCode", "is required: the server prints it in its log at start")] : []);
}

public sealed class CreateFirstAdminHandler(IAccountStore store, IPasswordHasher<Account> hasher, TimeProvider clock)
    : ICommandHandler<CreateFirstAdmin, AccountView>
{
    public async ValueTask<AccountView> Handle(CreateFirstAdmin command, CancellationToken cancellationToken)
    {
        var blank = new Account(AccountRules.Normalize(command.UserName), "", [Roles.Admin], clock.GetUtcNow().ToUnixTimeMilliseconds());
        var account = blank with { PasswordHash = hasher.HashPassword(blank, command.Password) };
        return await store.TryCreateFirstAsync(account, SetupCodes.Hash(command.SetupCode), cancellationToken) switch
        {
            FirstAccount.Created => new AccountView(account.UserName, account.Roles),
            FirstAccount.AccountsExist => throw new DomainException("setup_closed", "An account exists already: log in, or ask an admin for an account."),
            _ => throw new DomainException("unauthorized", "The setup code is wrong: use the one the server printed in its log at start."),
        };
    }
}
