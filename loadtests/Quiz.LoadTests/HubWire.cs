using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>
/// The SignalR JSON hub protocol spoken directly over one WebSocket: handshake, invocations with completions,
/// server events, pings. Far lighter than HubConnection, so thousands fit in one process; the server cannot tell
/// the difference.
/// </summary>
public sealed class HubWire : IAsyncDisposable
{
    private const byte Separator = 0x1e;
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _nextId;
    private Task? _receive;
    private Timer? _ping;

    /// <summary>Called for every server event with its target name and first argument, on the receive loop.</summary>
    public Action<string, JsonElement>? OnEvent { get; set; }

    public bool Connected => _socket.State == WebSocketState.Open;

    public static async Task<HubWire> ConnectAsync(Uri hub, CancellationToken cancellationToken)
    {
        var wire = new HubWire();
        wire._socket.Options.KeepAliveInterval = TimeSpan.Zero; // SignalR pings are enough
        var ws = new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri;
        await wire._socket.ConnectAsync(ws, cancellationToken);
        await wire.SendRawAsync("{\"protocol\":\"json\",\"version\":1}"u8.ToArray(), cancellationToken);
        var handshake = await wire.ReadMessageAsync(cancellationToken);
        if (Encoding.UTF8.GetString(handshake).TrimEnd((char)Separator) != "{}")
        {
            throw new InvalidOperationException($"SignalR handshake refused: {Encoding.UTF8.GetString(handshake)}");
        }
        wire._receive = Task.Run(wire.ReceiveLoopAsync);
        wire._ping = new Timer(_ => _ = wire.SendRawAsync("{\"type\":6}"u8.ToArray(), CancellationToken.None), null, PingEvery, PingEvery);
        return wire;
    }

    public async Task<JsonElement> InvokeAsync(string target, object argument, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { type = 1, invocationId = id, target, arguments = new[] { argument } }, Json.Options);
        await SendRawAsync(message, cancellationToken);
        return await done.Task.WaitAsync(cancellationToken);
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

    private async Task SendRawAsync(byte[] json, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(json.Length + 1);
        json.CopyTo(buffer, 0);
        buffer[json.Length] = Separator;
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(buffer.AsMemory(0, json.Length + 1), WebSocketMessageType.Text, true, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Fail(ex);
        }
        finally
        {
            _sendLock.Release();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var frame = await ReadMessageAsync(_stop.Token);
                var start = 0;
                for (var i = 0; i < frame.Length; i++)
                {
                    if (frame[i] == Separator)
                    {
                        Dispatch(frame.AsSpan(start, i - start));
                        start = i + 1;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            Fail(ex);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> json)
    {
        using var doc = JsonDocument.Parse(json.ToArray());
        var root = doc.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1:
                var args = root.GetProperty("arguments");
                OnEvent?.Invoke(root.GetProperty("target").GetString()!, args.GetArrayLength() > 0 ? args[0].Clone() : default);
                break;
            case 3 when _pending.TryRemove(root.GetProperty("invocationId").GetString()!, out var done):
                if (root.TryGetProperty("error", out var error))
                {
                    done.TrySetException(new HubWireException(error.GetString() ?? "error"));
                }
                else
                {
                    done.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
                }
                break;
            case 7:
                Fail(new HubWireException(root.TryGetProperty("error", out var why) ? why.GetString() ?? "closed" : "closed by server"));
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

public sealed class HubWireException(string message) : Exception(message);

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
