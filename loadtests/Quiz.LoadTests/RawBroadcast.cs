using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Quiz.LoadTests;

/// <summary>
/// The baseline: a bare Kestrel WebSocket server that sends one 300-byte message, built once, to every socket.
/// Whatever Quiz adds on top of this (SignalR framing, groups, the backplane) is the difference between the two.
/// </summary>
internal static class RawServer
{
    public static async Task<int> RunAsync(Options options)
    {
        var sockets = new ConcurrentDictionary<Guid, WebSocket>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Int("port", 5900)));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var id = Guid.NewGuid();
            sockets[id] = socket;
            var buffer = new byte[256];
            try
            {
                while (socket.State == WebSocketState.Open && !(await socket.ReceiveAsync(buffer, context.RequestAborted)).CloseStatus.HasValue)
                {
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Client gone.
            }
            sockets.TryRemove(id, out _);
        });
        app.MapGet("/go", async (long t) =>
        {
            var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { t, text = new string('x', 260) }));
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(sockets.Values.Select(async s =>
            {
                try
                {
                    await s.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                }
                catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
                {
                    // A socket that closed meanwhile.
                }
            }));
            return Results.Ok(new { sent = sockets.Count, ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds });
        });
        await app.StartAsync();
        Console.WriteLine("READY");
        while (Console.ReadLine() is { } line && line != "STOP")
        {
        }
        await app.StopAsync();
        return 0;
    }
}

/// <summary>A raw socket of the baseline: records each broadcast's latency from the trigger stamp it carries.</summary>
internal static class RawClient
{
    public static async Task ConnectAsync(ClientWebSocket socket, Uri url, WorkerResult result)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(new UriBuilder(url) { Scheme = "ws" }.Uri, CancellationToken.None);
            result.JoinUs.Enqueue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            _ = ReceiveAsync(socket, result);
        }
        catch (WebSocketException ex)
        {
            result.Error($"raw connect: {ex.Message}");
        }
    }

    private static async Task ReceiveAsync(ClientWebSocket socket, WorkerResult result)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                using var doc = JsonDocument.Parse(buffer.AsMemory(0, received.Count));
                result.BroadcastUs.Enqueue((long)((Clock.NowMs - doc.RootElement.GetProperty("t").GetInt64()) * 1000));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or JsonException)
        {
            // The run is over.
        }
    }
}
