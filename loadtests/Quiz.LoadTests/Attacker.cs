using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using Quiz.Contracts;
using Quiz.Testing;

namespace Quiz.LoadTests;

/// <summary>
/// The hostile crowd of issue 16 at a steady rate: joins of one contest naming groups it does not list and junk
/// nicknames (on connections that never get in, so each is a real join), repeated joins on connections that did get
/// in, a message of an unknown type on a fresh socket every second, and an xlsx bomb from an insider's organizer
/// login every few seconds. Every outcome is counted by its code; anything the server should have refused but did
/// not, or answered with another code, is counted under "unexpected".
/// </summary>
internal sealed class Attacker(IReadOnlyList<Uri> urls, string code, HttpClient organizer, string bankId, int rate, int addresses, double bombEverySeconds)
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new();
    private readonly byte[] _bomb = bombEverySeconds > 0 ? HostileWorkbook.TinyRows(2_000_000) : [];
    private long _attempts;

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public long Attempts => Interlocked.Read(ref _attempts);

    public async Task RunAsync(CancellationToken stop)
    {
        // Eight connections per address, spread over the nodes; a few more that do get in, for repeated joins.
        var refused = await ConnectAsync(addresses * 8, stop);
        var joined = await ConnectAsync(addresses, stop);
        var tasks = new List<Task> { FramesAsync(stop) };
        if (bombEverySeconds > 0)
        {
            tasks.Add(BombsAsync(stop));
        }
        var inFlight = new SemaphoreSlim(4 * rate);
        var started = Clock.NowMs;
        try
        {
            for (long n = 0; rate > 0 && !stop.IsCancellationRequested; n++)
            {
                var due = started + (n * 1000.0 / rate);
                if (due > Clock.NowMs)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(due - Clock.NowMs), stop);
                }
                if (!inFlight.Wait(0))
                {
                    Count("skipped (attacker saturated)");
                    continue;
                }
                Interlocked.Increment(ref _attempts);
                tasks.Add(OneJoinAsync(n, refused, joined).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
            }
        }
        catch (OperationCanceledException)
        {
            // The scenario ends the attack.
        }
        if (rate == 0)
        {
            await Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        await Task.WhenAll(tasks);
        foreach (var wire in refused.Concat(joined))
        {
            await wire.DisposeAsync();
        }
    }

    /// <summary>7 in 10 name a team the contest does not list, 2 a junk nickname, 1 joins again on a connection that got in.</summary>
    private async Task OneJoinAsync(long n, HubWire[] refused, HubWire[] joined)
    {
        var (wire, request, expected) = (n % 10) switch
        {
            < 7 => (refused[n % refused.Length], new JoinRequest(code, $"攻{n % 1000}", $"攻击队{n}"), "invalid"),
            < 9 => (refused[n % refused.Length], new JoinRequest(code, n % 2 == 0 ? "\u202E三张" : "\u200B\u200B"), "invalid"),
            _ => (joined[n % joined.Length], new JoinRequest(code, $"水军{n % joined.Length}"), "joined"),
        };
        try
        {
            await wire.InvokeAsync(HubMethods.Join, request);
            Count(expected == "joined" ? "joined (one participant per connection)" : "unexpected: a hostile join got in");
        }
        catch (HubWireException ex)
        {
            var got = ex.Code;
            Count(got == expected || got == "busy" ? $"refused: {got}" : $"unexpected: {ex.Message[..Math.Min(80, ex.Message.Length)]}");
        }
    }

    /// <summary>A message of type 99 on a fresh socket each second: the node closes it with an error.</summary>
    private async Task FramesAsync(CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new UriBuilder(new Uri(urls[i % urls.Count], "hubs/quiz")) { Scheme = "ws" }.Uri, stop);
                await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, stop);
                var buffer = new byte[4096];
                await socket.ReceiveAsync(buffer, stop);
                await socket.SendAsync(Encoding.UTF8.GetBytes("{\"type\":99}\u001e{\"type\":6}\u001e"), WebSocketMessageType.Text, true, stop);
                var closed = false;
                for (var reads = 0; reads < 20 && !closed; reads++)
                {
                    var result = await socket.ReceiveAsync(buffer, stop);
                    closed = result.MessageType == WebSocketMessageType.Close || Encoding.UTF8.GetString(buffer, 0, result.Count).Contains("\"type\":7", StringComparison.Ordinal);
                }
                Count(closed ? "refused: unknown frame closed" : "unexpected: unknown frame left open");
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>An xlsx of 2,000,000 tiny rows (3.4 MB, 190 MB unpacked) to the bank, every few seconds: 413, nothing imported.</summary>
    private async Task BombsAsync(CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(_bomb);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                form.Add(file, "file", "bomb.xlsx");
                var response = await organizer.PostAsync(new Uri(urls[i % urls.Count], $"api/banks/{bankId}/import"), form, stop);
                Count((int)response.StatusCode == 413 ? "refused: xlsx bomb 413" : $"unexpected: xlsx bomb {(int)response.StatusCode}");
                await Task.Delay(TimeSpan.FromSeconds(bombEverySeconds), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Connections from the attacker's addresses (203.0.x.y, believed through the nodes' known proxy), round-robin over the nodes.</summary>
    private async Task<HubWire[]> ConnectAsync(int count, CancellationToken stop) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            HubWire.ConnectAsync(new Uri(urls[i % urls.Count], "hubs/quiz"), stop, forwardedFor: $"203.0.{113 + (i % addresses / 256)}.{i % addresses % 256}")));

    private void Count(string outcome) => _outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
}
