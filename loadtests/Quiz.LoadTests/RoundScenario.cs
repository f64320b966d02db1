using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>
/// The online-round start storm: a round set up over the API with a roster of N people, each starting at a random
/// moment within the ramp, answering a short paper with think time, and handing it in; a share never hands in and
/// is left to the servers' deadline sweep. Reports start, save and submit latency, errors, papers stored against
/// starts, and attempts ended by the person and by the deadline. Exit code 1 if an attempt is missing or open.
/// </summary>
internal static class RoundScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var urls = options.Urls();
        var n = options.Int("participants", 1000);
        var ramp = options.Int("ramp", 60);
        var paper = options.Int("paper", 5);
        var limit = options.Int("limit", 120);
        var think = options.Int("think", 3000);
        var abandon = options.Double("abandon", 0.05);
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Int("connections", 256), PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        using var organizer = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        await Setup.LogInAsync(organizer, urls[0], options.Text("user", "admin"), options.Text("password", Environment.GetEnvironmentVariable("QUIZ_LOAD_PASSWORD") ?? ""));
        // --close-after puts every open attempt's deadline at one moment: the sweep's worst case.
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(options.Int("close-after", 3 * 3600));
        var (contestId, codes) = await Setup.RoundAsync(organizer, urls[0], n, paper, limit, closesAt);
        var redis = options.Text("redis", "127.0.0.1:6379");
        var redisCpuBefore = await Baselines.RedisCpuSecondsAsync(redis);

        var run = new Run();
        var began = Stopwatch.GetTimestamp();
        Console.Error.WriteLine($"{n} participants start within {ramp} s across {urls.Count} node(s); paper {paper}, limit {limit} s");
        await Task.WhenAll(Enumerable.Range(0, n).Select(i => Task.Run(() => TakeAsync(http, new Uri(urls[i % urls.Count], $"api/rounds/{contestId}/"),
            codes[i], TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ramp * 1000), think, Random.Shared.NextDouble() < abandon, run))));
        var taken = Stopwatch.GetElapsedTime(began);
        Console.Error.WriteLine($"all participants done after {taken.TotalSeconds:0} s; waiting for the deadline sweep");

        // Abandoned attempts end at start + limit; the sweep runs every second, two seconds after a deadline.
        var results = await Setup.ResultsAsync(organizer, urls[0], contestId);
        var waitUntil = DateTimeOffset.UtcNow.AddSeconds(limit + 120);
        while (DateTimeOffset.UtcNow < waitUntil && results.GetProperty("submitted").GetInt32() < results.GetProperty("started").GetInt64())
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            results = await Setup.ResultsAsync(organizer, urls[0], contestId);
        }
        var allEnded = DateTimeOffset.UtcNow;
        var people = results.GetProperty("people").EnumerateArray().ToList();
        var report = new RoundReport
        {
            Participants = n, RampSeconds = ramp, Paper = paper, LimitSeconds = limit, ThinkMs = think, Nodes = urls.Count,
            Connections = handler.MaxConnectionsPerServer, Machine = Report.DescribeMachine(),
            Start = Histograms.Summarize(run.Start), Save = Histograms.Summarize(run.Save), Submit = Histograms.Summarize(run.Submit),
            Started = run.Started, Abandoned = run.Abandoned, Errors = new SortedDictionary<string, int>(run.Errors),
            PapersStored = results.GetProperty("started").GetInt64(), Submitted = people.Count,
            SubmittedByPerson = people.Count(p => !p.GetProperty("automatic").GetBoolean()),
            SubmittedAtDeadline = people.Count(p => p.GetProperty("automatic").GetBoolean()),
            Seconds = Math.Round(taken.TotalSeconds, 1),
            AllEndedSecondsAfterClose = options.Int("close-after", 0) > 0 ? Math.Round((allEnded - closesAt).TotalSeconds, 1) : null,
            RedisCpuSeconds = Math.Round(await Baselines.RedisCpuSecondsAsync(redis) - redisCpuBefore, 2),
        };
        var output = options.Text("out", "loadtests/results/round.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(report.ToMarkdown());
        return report.PapersStored == n && report.Submitted == n && report.Errors.Count == 0 ? 0 : 1;
    }

    /// <summary>One person: waits for their moment, starts, answers every item after some thought, hands in (or walks away).</summary>
    private static async Task TakeAsync(HttpClient http, Uri round, string code, TimeSpan startAt, int thinkMs, bool walksAway, Run run)
    {
        await Task.Delay(startAt);
        var device = Guid.NewGuid().ToString("N");
        var start = await SendAsync(http, HttpMethod.Post, new Uri(round, "attempt"), code, device, null, run.Start, "start", run);
        if (start is null)
        {
            return;
        }
        Interlocked.Increment(ref run.Started);
        var items = start.Value.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("options")[0].GetProperty("id").GetInt32()).ToList();
        for (var index = 0; index < items.Count; index++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(thinkMs * (0.5 + Random.Shared.NextDouble())));
            var body = $"{{\"options\":[{items[index].ToString(CultureInfo.InvariantCulture)}]}}";
            await SendAsync(http, HttpMethod.Put, new Uri(round, $"attempt/answers/{index}"), code, device, body, run.Save, "save", run);
        }
        if (walksAway)
        {
            Interlocked.Increment(ref run.Abandoned);
            return;
        }
        await SendAsync(http, HttpMethod.Post, new Uri(round, "attempt/submit"), code, device, null, run.Submit, "submit", run);
    }

    private static async Task<JsonElement?> SendAsync(HttpClient http, HttpMethod method, Uri url, string code, string device, string? body,
        ConcurrentQueue<long> latencies, string what, Run run)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Participant-Token", code);
        request.Headers.Add("X-Device-Id", device);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            latencies.Enqueue((long)Stopwatch.GetElapsedTime(sent).TotalMicroseconds);
            if (!response.IsSuccessStatusCode)
            {
                run.Errors.AddOrUpdate($"{what} {(int)response.StatusCode}", 1, (_, c) => c + 1);
                return null;
            }
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            run.Errors.AddOrUpdate($"{what} {e.GetType().Name}", 1, (_, c) => c + 1);
            return null;
        }
    }

    private sealed class Run
    {
        public readonly ConcurrentQueue<long> Start = new();
        public readonly ConcurrentQueue<long> Save = new();
        public readonly ConcurrentQueue<long> Submit = new();
        public readonly ConcurrentDictionary<string, int> Errors = new();
        public int Started;
        public int Abandoned;
    }
}
