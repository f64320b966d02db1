using Microsoft.AspNetCore.SignalR;
using Quiz.Core.Common;

namespace Quiz.Server.Live;

/// <summary>
/// Refusals reach the client as a HubException whose message starts with a stable code ("invalid_move: Cannot next:
/// question is still open; close it first."). Anything else stays a generic error: no internals leak.
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
    }
}
