using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Infrastructure.Redis;

namespace Quiz.Server.Live;

/// <summary>
/// Every expected refusal of a hub method comes back as its <see cref="HubReply{T}"/> with a stable code (a rule's
/// <see cref="DomainException"/> code, <c>invalid</c> with the fields, <c>unavailable</c> for a store outage), never
/// as an exception: SignalR prefixes exception texts with its own prose ("An unexpected error occurred invoking
/// 'Join' on the server. HubException: ..."), which clients would have to parse. Anything else stays a generic
/// error: no internals leak.
/// </summary>
internal sealed class HubErrorFilter : IHubFilter
{
    private static readonly ConcurrentDictionary<Type, Func<HubError, object>> Refusals = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (DomainException ex)
        {
            return Refuse(invocationContext, ErrorOf(ex.Code, ex.Message, ex.Fields));
        }
        catch (QuizValidationException ex)
        {
            return Refuse(invocationContext, ErrorOf(HubErrors.Invalid, ex.Message, ex.Errors));
        }
        catch (Exception ex) when (StoreFailures.IsOutage(ex))
        {
            // Nothing was acknowledged; the pages show "reconnecting" and send again once the store is back.
            return Refuse(invocationContext, new HubError(HubErrors.Unavailable, "The store is unreachable; reconnecting, try again in a moment."));
        }
    }

    /// <summary>The wire's error for a refusal, thrown or returned.</summary>
    internal static HubError ErrorOf(string code, string message, IReadOnlyList<FieldError>? errors) =>
        new(code, message, errors is { Count: > 0 } ? [.. errors.Select(e => new HubFieldError(e.Field, e.Message, e.Code))] : null);

    /// <summary>The method's own reply type (Task&lt;HubReply&lt;T&gt;&gt;), refused; built once per type.</summary>
    private static object Refuse(HubInvocationContext context, HubError error)
    {
        var returns = context.HubMethod.ReturnType;
        var reply = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : returns;
        if (!reply.IsGenericType || reply.GetGenericTypeDefinition() != typeof(HubReply<>))
        {
            throw new HubException($"{error.Code}: {error.Message}"); // a method outside the contract (none today)
        }
        return Refusals.GetOrAdd(reply, type =>
        {
            var refused = type.GetMethod(nameof(HubReply<object>.Refused))!;
            return e => refused.Invoke(null, [e])!;
        })(error);
    }
}
