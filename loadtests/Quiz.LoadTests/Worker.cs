using System.Net.WebSockets;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>
/// A worker process: holds a share of the sockets (a process may open about 20,000 files here, so a big swarm is
/// several workers), reports READY when they are all connected, and writes its measurements when told STOP.
/// </summary>
internal static class Worker
{
    public static async Task<int> RunAsync(Options options)
    {
        var result = new WorkerResult();
        var count = options.Int("count", 100);
        var first = options.Int("first", 0);
        var urls = options.Urls();
        var mode = options.Text("mode", "quiz");
        var ramp = options.Double("ramp", 1000);
        var timing = new AnswerTiming(options.Text("answer-dist", "bunched"));
        var seed = options.Int("seed", 1);
        var closers = new List<Func<ValueTask>>();
        var participants = new List<SimulatedParticipant>();
        using var inFlight = new SemaphoreSlim(200);
        var joins = new List<Task>();
        var pacing = TimeSpan.FromSeconds(1 / ramp);
        var next = DateTime.UtcNow;
        for (var i = first; i < first + count; i++)
        {
            var url = urls[i % urls.Count];
            await inFlight.WaitAsync();
            if (mode == "raw")
            {
                var socket = new ClientWebSocket();
                closers.Add(() => { socket.Dispose(); return ValueTask.CompletedTask; });
                joins.Add(RawClient.ConnectAsync(socket, new Uri(url, "ws"), result).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
            }
            else
            {
                var participant = new SimulatedParticipant(i, result, timing, new Random(seed * 1_000_003 + i), options.Text("protocol", "json"));
                participants.Add(participant);
                closers.Add(participant.DisposeAsync);
                joins.Add(participant.JoinAsync(url, options.Text("code", ""), CancellationToken.None).ContinueWith(_ => inFlight.Release(), TaskScheduler.Default));
            }
            next += pacing;
            var wait = next - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
        await Task.WhenAll(joins);
        Console.WriteLine($"READY {(mode == "raw" ? result.JoinUs.Count : result.Joined)}");

        while (Console.ReadLine() is { } line && line != "STOP")
        {
            // The conductor drives the contest; this process only answers and measures until told to stop.
        }
        result.StandingsMissing = participants.Sum(p => p.MissingStandings(options.Int("questions", 0)));
        await File.WriteAllTextAsync(options.Text("out", "worker.json"), JsonSerializer.Serialize(result));
        foreach (var close in closers)
        {
            await close();
        }
        Console.WriteLine("DONE");
        return 0;
    }
}
