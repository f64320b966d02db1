using Mediator;
using Quiz.Core.Accounts;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Accounts;

/// <summary>
/// An admin grants or revokes roles; open connections notice within seconds (the server re-checks roles). The last
/// admin keeps the admin role, or nobody could manage accounts again without a fresh store.
/// </summary>
public sealed record SetRoles(string UserName, IReadOnlyList<string> Roles) : ICommand<RolesChanged>, IValidated, IAudited
{
    public string AuditTarget => $"account:{AccountRules.Normalize(UserName)}";

    public IEnumerable<FieldError> Validate() => Roles is null
        ? [new FieldError("roles", "is required: the full list of roles the account keeps ([] revokes them all)")]
        : AccountRules.RoleErrors(Roles);
}

public sealed record RolesChanged(string UserName, IReadOnlyList<string> Before, IReadOnlyList<string> After) : IAuditOutcome
{
    object? IAuditOutcome.Before => Before;

    object? IAuditOutcome.After => After;
}

public sealed class SetRolesHandler(IAccountStore store) : ICommandHandler<SetRoles, RolesChanged>
{
    public async ValueTask<RolesChanged> Handle(SetRoles command, CancellationToken cancellationToken)
    {
        var name = AccountRules.Normalize(command.UserName);
        var account = await store.GetAsync(name, cancellationToken) ?? throw DomainException.NotFound("Account", name);
        var changed = account with { Roles = [.. command.Roles.Distinct()] };
        if (account.Roles.Contains(Roles.Admin) && !changed.Roles.Contains(Roles.Admin)
            && !(await store.ListAsync(cancellationToken)).Any(a => a.UserName != name && a.Roles.Contains(Roles.Admin)))
        {
            throw new DomainException("last_admin", $"'{name}' is the only admin: make another account an admin first.");
        }
        await store.SaveAsync(changed, cancellationToken);
        return new RolesChanged(name, account.Roles, changed.Roles);
    }
}
