using Microsoft.AspNetCore.SignalR;
using Quiz.Core.Common;
using Quiz.Infrastructure.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Refusals reach the client as a HubException whose message starts with a stable code ("invalid_move: Cannot next:
/// question is still open; close it first."); a store outage as "unavailable: …". Anything else stays a generic
/// error: no internals leak.
/// </summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException ex)
        {
            throw new HubException($"{ex.Code}: {ex.Message}");
        }
        catch (QuizValidationException ex)
        {
            throw new HubException($"invalid: {ex.Message}");
        }
        catch (Exception ex) when (StoreFailures.IsOutage(ex))
        {
            // Nothing was acknowledged; the pages show "reconnecting" and send again once the store is back.
            throw new HubException("unavailable: the store is unreachable; reconnecting, try again in a moment.");
        }
    }
}
