using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;

namespace Quiz.Server.Live;

/// <summary>
/// SignalR's protocols skip a message of a type they do not know, and report "no message" for it; the server then
/// waits for more bytes before it looks at what followed in the same read, so a client that sends one stalls its own
/// connection. Here such a message closes the connection with an error instead (this client speaks no protocol we know).
/// </summary>
internal sealed class StrictHubProtocol(IHubProtocol inner) : IHubProtocol
{
    public string Name => inner.Name;

    public int Version => inner.Version;

    public TransferFormat TransferFormat => inner.TransferFormat;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var length = input.Length;
        if (inner.TryParseMessage(ref input, binder, out message))
        {
            return true;
        }
        // Bytes were consumed but no message came out: a whole frame of a type the protocol ignores.
        return input.Length == length ? false : throw new InvalidDataException("Unknown hub message type.");
    }

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => inner.IsVersionSupported(version);

    /// <summary>Wraps every registered protocol (JSON, MessagePack), keeping each one's own construction and options.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        foreach (var registered in services.Where(d => d.ServiceType == typeof(IHubProtocol) && d.ImplementationType is not null).ToList())
        {
            services.Remove(registered);
            services.AddSingleton<IHubProtocol>(sp => new StrictHubProtocol((IHubProtocol)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        }
    }
}
