using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Quiz.Core.Accounts;
using Quiz.Core.Audit;
using Quiz.Core.Features.Accounts;
using Quiz.Server.Security;

namespace Quiz.Server.Api;

/// <summary>Login (rate limited per address), accounts and roles (admin), and the audit log (organizers).</summary>
internal static class AccountsApi
{
    public sealed record LoginInput(string UserName, string Password);

    public sealed record LoginResult(string Token, string UserName, IReadOnlyList<string> Roles, int ExpiresInSeconds);

    public sealed record RolesInput(IReadOnlyList<string> Roles);

    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/login", Login).WithTags("Accounts").WithName("Login").RequireRateLimiting(Policies.LoginLimiter)
            .WithDescription("User name and password for a short-lived bearer token; 401 if either is wrong, 429 after too many tries.");

        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        accounts.MapGet("/", (ISender sender, CancellationToken ct) => sender.Send(new ListAccounts(), ct)).WithName("ListAccounts");
        accounts.MapPost("/", CreateAccount).WithName("CreateAccount");
        accounts.MapPut("/{userName}/roles", async (string userName, RolesInput input, ISender sender, CancellationToken ct) =>
            TypedResults.Ok(await sender.Send(new SetRoles(userName, input.Roles), ct))).WithName("SetRoles")
            .WithDescription("Replaces the account's roles; an empty list revokes them all (a body without roles is a 400, never a revocation). Open connections notice within seconds.");

        app.MapGet("/api/audit", (ISender sender, CancellationToken ct, int from = 0, int take = 50) => sender.Send(new GetAuditLog(from, take), ct))
            .WithTags("Accounts").WithName("GetAuditLog").RequireAuthorization(Policies.Organizer)
            .WithDescription("Privileged actions, newest first: who, what, on what, when, outcome, before and after.");
    }

    private static async Task<Ok<LoginResult>> Login(LoginInput input, ISender sender, TokenIssuer issuer, AuthOptions options, CancellationToken ct)
    {
        var account = await sender.Send(new CheckPassword(input.UserName ?? "", input.Password ?? ""), ct);
        return TypedResults.Ok(new LoginResult(issuer.ForAccount(account.UserName, account.Roles), account.UserName, account.Roles, options.TokenMinutes * 60));
    }

    private static async Task<Created<AccountView>> CreateAccount(Core.Features.Accounts.CreateAccount command, ISender sender, CancellationToken ct)
    {
        var account = await sender.Send(command, ct);
        return TypedResults.Created($"/api/accounts/{account.UserName}", account);
    }
}
