using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>
/// A SignalR hub protocol (JSON or MessagePack) spoken directly over one WebSocket: handshake, invocations with
/// completions, server events, pings. Far lighter than HubConnection, so thousands fit in one process; the server
/// cannot tell the difference.
/// </summary>
public sealed class HubWire : IAsyncDisposable
{
    // As often as the pages' SignalR client pings (its keepAliveIntervalInMilliseconds, 15 s by default), so that what
    // a held connection costs a node is what a phone's costs.
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private readonly WireFormat _format;

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private Task? _receive;
    private Timer? _ping;

    private HubWire(WireFormat format) => _format = format;

    /// <summary>Called for every server event with its target name and first argument, on the receive loop.</summary>
    public Action<string, JsonElement>? OnEvent { get; set; }

    public bool Connected => _socket.State == WebSocketState.Open;

    /// <summary>
    /// Connects and shakes hands; <paramref name="forwardedFor"/> is the address the phone claims to be behind, which
    /// nodes believe from the load machine (run-live.sh makes 127.0.0.1 their known proxy), so venues and an attacker
    /// are told apart as they would be behind a real proxy.
    /// </summary>
    public static async Task<HubWire> ConnectAsync(Uri hub, CancellationToken cancellationToken, string protocol = "json", string? forwardedFor = null)
    {
        var wire = new HubWire(WireFormat.Of(protocol));
        wire._socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings are enough
        if (forwardedFor is not null)
        {
            wire._socket.Options.SetRequestHeader("X-Forwarded-For", forwardedFor);
        }
        var ws = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        await wire._socket.ConnectAsync(ws, cancellationToken);
        // The handshake is JSON text whatever the protocol.
        var hello = JsonFormat.Framed(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{wire._format.Name}\",\"version\":1}}"));
        await wire.SendRawAsync(hello, WebSocketMessageType.Text, cancellationToken);
        // The server may write its first messages right behind the handshake's reply, in the same WebSocket message
        // (an overloaded node sent StoreChanged there at 50,000): the reply is what comes before the first separator.
        // What follows is dropped; the swarm acts on nothing the server pushes before the join's reply.
        var handshake = await wire.ReadMessageAsync(cancellationToken);
        var reply = Encoding.UTF8.GetString(handshake);
        if (reply[..Math.Max(0, reply.IndexOf((char)JsonFormat.Separator))] != "{}")
        {
            throw new InvalidOperationException($"SignalR handshake refused: {Encoding.UTF8.GetString(handshake)}");
        }
        wire._receive = Task.Run(wire.ReceiveLoopAsync);
        wire._ping = new Timer(_ => _ = wire.SendAsync(wire._format.Ping(), CancellationToken.None), null, PingEvery, PingEvery);
        return wire;
    }

    /// <summary>
    /// Invokes a hub method (a null <paramref name="argument"/> calls one that takes none) and returns the value of its
    /// <c>HubReply</c>; a refusal throws <see cref="HubWireException"/> with the refusal's code.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string target, object? argument, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        await SendAsync(_format.Invocation(id, target, argument), cancellationToken);
        var reply = await done.Task.WaitAsync(cancellationToken);
        if (reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
        {
            return reply.TryGetProperty("value", out var value) ? value : default;
        }
        var error = reply.ValueKind == JsonValueKind.Object && reply.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        string? Text(string name) => error.ValueKind == JsonValueKind.Object && error.TryGetProperty(name, out var v) ? v.GetString() : null;
        throw new HubWireException(Text("message") ?? $"{target}: no reply", Text("code") ?? "failed");
    }

    public async ValueTask DisposeAsync()
    {
        _ping?.Dispose();
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        _socket.Dispose();
        foreach (var pending in _pending.Values)
        {
            pending.TrySetCanceled();
        }
    }

    private Task SendAsync(byte[] message, CancellationToken cancellationToken) =>
        SendRawAsync(message, _format.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, cancellationToken);

    private async Task SendRawAsync(byte[] message, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, type, true, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Fail(ex);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                foreach (var message in _format.Read(await ReadMessageAsync(_stop.Token)))
                {
                    Dispatch(message);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            Fail(ex);
        }
    }

    private void Dispatch(HubMessage message)
    {
        switch (message.Type)
        {
            case 1:
                OnEvent?.Invoke(message.Target!, message.Payload);
                break;
            case 3 when message.InvocationId is not null && _pending.TryRemove(message.InvocationId, out var done):
                if (message.Error is not null)
                {
                    done.TrySetException(new HubWireException(message.Error, "failed"));
                }
                else
                {
                    done.TrySetResult(message.Payload);
                }
                break;
            case 7:
                Fail(new HubWireException(message.Error ?? "closed by server", "closed"));
                break;
        }
    }

    private async Task<byte[]> ReadMessageAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            using var whole = new MemoryStream();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("closed by server");
                }
                whole.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return whole.ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Fail(Exception ex)
    {
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.TrySetException(ex);
            }
        }
    }
}

/// <summary>A refusal (<see cref="Code"/> as documented per method) or a failed call ("failed", "closed").</summary>
public sealed class HubWireException(string message, string code) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
