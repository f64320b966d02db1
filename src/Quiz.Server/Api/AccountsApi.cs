using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Core.Accounts;
using Quiz.Core.Audit;
using Quiz.Core.Common;
using Quiz.Core.Features.Accounts;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>
/// Login and the first-admin setup (rate limited per address), accounts, roles and passwords (admin), and the audit
/// log (organizers).
/// </summary>
internal static class AccountsApi
{
    public sealed record LoginInput(string UserName, string Password);

    public sealed record LoginResult(string Token, string UserName, IReadOnlyList<string> Roles, int ExpiresInSeconds);

    public sealed record RolesInput(IReadOnlyList<string> Roles);

    public sealed record PasswordInput(string Password);

    public sealed record SetupInput(string SetupCode, string UserName, string Password);

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login).WithTags("Accounts").WithName("Login").RequireRateLimiting(Policies.LoginLimiter)
            .WithDescription("User name and password for a short-lived bearer token; 401 if either is wrong, 429 after too many tries.");

        app.MapGet("/api/setup", (ISender sender, CancellationToken ct) => sender.Send(new GetSetupState(), ct)).WithTags("Accounts").WithName("GetSetupState")
            .WithDescription("Whether the store has no account yet, so /admin offers the first-admin setup.");
        app.MapPost("/api/setup", Setup).WithTags("Accounts").WithName("CreateFirstAdmin").RequireRateLimiting(Policies.LoginLimiter)
            .WithDescription("The first admin, with the setup code the server printed in its log at start: only while no account exists "
                + "(then 409 setup_closed); 401 for a wrong code; answers with a login token.");

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        accounts.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListAccounts(), ct)).WithName("ListAccounts");
        accounts.MapPost("/", CreateAccount).WithName("CreateAccount");
        accounts.MapPut("/{userName}/roles", async (string userName, RolesInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetRoles(userName, input.Roles), ct))).WithName("SetRoles")
            .WithDescription("Replaces the account's roles; an empty list revokes them all (a body without roles is a 400, never a revocation). Open connections notice within seconds. "
                + "The only admin keeps the admin role (409 last_admin).");
        accounts.MapPut("/{userName}/password", async (string userName, PasswordInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new ResetPassword(userName, input.Password ?? ""), ct))).WithName("ResetPassword")
            .WithDescription("Sets a new password (the same rules as at creation); audited without the password. Tokens already issued run out as usual.");

        app.MapGet("/api/audit", (ISender sender, CancellationToken ct, int from = 0, int take = 50) => sender.Send(new GetAuditLog(from, take), ct))
            .WithTags("Accounts").WithName("GetAuditLog").RequireAuthorization(Policies.Organizer)
            .WithDescription("Privileged actions, newest first: who, what, on what, when, outcome, before and after.");
    }

    private static async Task<Ok<LoginResult>> Login(LoginInput input, ISender sender, TokenIssuer issuer, AuthOptions options, CancellationToken ct)
    {
        var account = await sender.Send(new CheckPassword(input.UserName ?? "", input.Password ?? ""), ct);
        return TypedResults.Ok(new LoginResult(issuer.ForAccount(account.UserName, account.Roles), account.UserName, account.Roles, options.TokenMinutes * 60));
    }

    /// <summary>The audit log names the setup code as the actor: nobody is logged in yet.</summary>
    private static async Task<Ok<LoginResult>> Setup(SetupInput input, ISender sender, TokenIssuer issuer, AuthOptions options, CancellationToken ct)
    {
        AccountView account;
        using (Actor.Use("setup-code"))
        {
            account = await sender.Send(new CreateFirstAdmin(input.SetupCode ?? "", input.UserName ?? "", input.Password ?? ""), ct);
        }
        return TypedResults.Ok(new LoginResult(issuer.ForAccount(account.UserName, account.Roles), account.UserName, account.Roles, options.TokenMinutes * 60));
    }

    private static async Task<Created<AccountView>> CreateAccount(Core.Features.Accounts.CreateAccount command, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(command, ct);
        return TypedResults.Created($"/api/accounts/{account.UserName}", account);
    }
}
