using Mediator;
using Microsoft.AspNetCore.Identity;
using Quiz.Core.Accounts;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Accounts;

/// <summary>An admin adds an account (or the bootstrap admin is created at first start). The password is hashed at once.</summary>
public sealed record CreateAccount(string UserName, string Password, IReadOnlyList<string> Roles) : ICommand<AccountView>, IValidated, IAudited
{
    public string AuditTarget => $"account:{AccountRules.Normalize(UserName)}";

    public object? AuditInput => new { Roles };

    public IEnumerable<FieldError> Validate() =>
        AccountRules.UserNameErrors(UserName).Concat(AccountRules.PasswordErrors(UserName, Password)).Concat(AccountRules.RoleErrors(Roles));
}

public sealed class CreateAccountHandler(IAccountStore store, IPasswordHasher<Account> hasher, TimeProvider clock)
    : ICommandHandler<CreateAccount, AccountView>
{
    public async ValueTask<AccountView> Handle(CreateAccount command, CancellationToken cancellationToken)
    {
        var name = AccountRules.Normalize(command.UserName);
        var blank = new Account(name, "", [.. (command.Roles ?? []).Distinct()], clock.GetUtcNow().ToUnixTimeMilliseconds());
        var account = blank with { PasswordHash = hasher.HashPassword(blank, command.Password) };
        if (!await store.TryCreateAsync(account, cancellationToken))
        {
            throw new DomainException("exists", $"An account named '{name}' exists already.");
        }
        return new AccountView(account.UserName, account.Roles);
    }
}
