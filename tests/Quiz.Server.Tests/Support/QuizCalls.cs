using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;

namespace Quiz.Server.Tests.Support;

/// <summary>Calls a hub method the way docs/protocol.md says clients do: every reply is a <see cref="HubReply{T}"/>.</summary>
public static class QuizCalls
{
    /// <summary>The value of the reply, or <see cref="HubRefused"/> carrying the refusal's code.</summary>
    public static async Task<T> CallAsync<T>(this HubConnection connection, string method, params object?[] args)
    {
        var reply = await connection.InvokeCoreAsync<HubReply<T>>(method, args);
        return reply.Ok ? reply.Value! : throw new HubRefused(reply.Error ?? new HubError("missing", "A refusal without an error."));
    }
}

/// <summary>A hub method refused: the documented code, read from the reply, never parsed from text.</summary>
public sealed class HubRefused(HubError error) : HubException($"{error.Code}: {error.Message}")
{
    public HubError Error { get; } = error;

    public string Code => Error.Code;
}
