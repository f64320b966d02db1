using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Server.Security;

namespace Quiz.Server.Live;

/// <summary>
/// Re-checks, on every host call, that a connection hosting by account still holds a hosting role (read through a
/// cache of a few seconds): a revoked role stops working on open connections within seconds, not at token expiry.
/// Also names the actor of privileged calls for the audit log. Answers and clock syncs pass untouched (hot path).
/// </summary>
internal sealed class HubAccessFilter(AccountRoles roles) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = invocationContext.HubMethodName;
        if (method is HubMethods.SubmitAnswer or HubMethods.Sync)
        {
            return await next(invocationContext);
        }
        var caller = invocationContext.Context;
        if (method is HubMethods.Control or HubMethods.Stage or HubMethods.StageSeats or HubMethods.GetKey && caller.HostAccount() is { } account
            && !await roles.HasAnyAsync(account, caller.IsJudgeOnly() ? Roles.Judges : Roles.Hosts, caller.ConnectionAborted))
        {
            caller.ClearHost();
            throw new DomainException(HubErrors.Forbidden, "This account may no longer host or judge; its role was revoked.");
        }
        using (Actor.Use(ActorOf(caller)))
        {
            return await next(invocationContext);
        }
    }

    private static string ActorOf(HubCallerContext caller) => caller.HostAccount()
        ?? caller.User?.Identity?.Name
        ?? (caller.Seat() is { } team ? $"seat:{caller.ContestId()}:{team}" : null)
        ?? (caller.IsHost() ? $"host-key:{caller.ContestId()}" : $"connection:{caller.ConnectionId}");
}
