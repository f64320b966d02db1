using System.Net.WebSockets;
using System.Text;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>Frames a SignalR client library would never send, written straight onto the socket.</summary>
public sealed class HubFrameTests
{
    private const char Separator = '\u001e';

    [Theory]
    [InlineData("json")]
    [InlineData("messagepack")]
    public async Task An_unknown_message_type_closes_its_connection_with_an_error_and_others_carry_on(string protocol)
    {
        await using var game = await LiveGame.StartAsync(nameof(HubFrameTests), new RoundRules(), "q-single");
        var close = await SendUnknownFrameAsync(game.Server.BaseAddress, protocol);
        Assert.Contains("Connection closed with an error", close, StringComparison.Ordinal); // not the idle timeout's "Server timeout elapsed"

        await using var other = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        Assert.Equal("其他人", (await other.JoinAsync(game.Contest.JoinCode, "其他人")).Nickname);
    }

    /// <summary>Connects, sends a message of type 99 with an invocation behind it, and returns what the server sent until it closed.</summary>
    internal static async Task<string> SendUnknownFrameAsync(Uri server, string protocol)
    {
        using var socket = await ConnectAsync(server, protocol);
        await SendAsync(socket, protocol, unknownType: true);
        return await ReadUntilClosedAsync(socket);
    }

    private static async Task<ClientWebSocket> ConnectAsync(Uri server, string protocol)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new UriBuilder(new Uri(server, "hubs/quiz")) { Scheme = "ws" }.Uri, CancellationToken.None);
        await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes($"{{\"protocol\":\"{protocol}\",\"version\":1}}{Separator}")), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1024];
        var handshake = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("{}" + Separator, Encoding.UTF8.GetString(buffer, 0, handshake.Count));
        return socket;
    }

    /// <summary>A message of type 99 (no such type), then an ordinary Sync invocation behind it.</summary>
    private static Task SendAsync(ClientWebSocket socket, string protocol, bool unknownType)
    {
        if (protocol == "json")
        {
            var text = (unknownType ? "{\"type\":99,\"target\":\"x\"}" + Separator : "")
                + "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Sync\",\"arguments\":[1]}" + Separator;
            return socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(text)), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        // MessagePack frames: a varint length, then an array whose first element is the type. [99] and [1, {}, "1", "Sync", [1], []].
        byte[] unknown = [0x02, 0x91, 0x63];
        byte[] sync = [0x0D, 0x96, 0x01, 0x80, 0xA1, (byte)'1', 0xA4, (byte)'S', (byte)'y', (byte)'n', (byte)'c', 0x91, 0x01, 0x90];
        return socket.SendAsync(new ArraySegment<byte>(unknownType ? [.. unknown, .. sync] : sync), WebSocketMessageType.Binary, true, CancellationToken.None);
    }

    /// <summary>Everything the server sends until it closes the socket (the test fails by its own timeout if it never does).</summary>
    private static async Task<string> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        var received = new StringBuilder();
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return received.Append(socket.CloseStatusDescription).ToString();
            }
            received.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (received.ToString().Contains("\"type\":7", StringComparison.Ordinal) || (result.Count > 1 && buffer[1] == 0x93 && buffer[2] == 0x07))
            {
                return received.ToString(); // a Close message (type 7) with its error
            }
        }
    }
}
