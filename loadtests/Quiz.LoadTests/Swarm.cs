using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>Starts workers holding <c>participants</c> sockets between them, and merges what they measured.</summary>
internal sealed class Swarm : IDisposable
{
    private readonly List<(ChildProcess Process, string Out)> _workers = [];

    private Swarm()
    {
    }

    public int Ready { get; private set; }

    public static async Task<Swarm> StartAsync(Options options, int participants, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var swarm = new Swarm();
        var workers = Math.Max(1, options.Int("workers", (participants + 7999) / 8000));
        var per = (participants + workers - 1) / workers;
        var ramp = options.Double("ramp", 2000) / workers;
        for (var w = 0; w < workers; w++)
        {
            var count = Math.Min(per, participants - (w * per));
            if (count <= 0)
            {
                break;
            }
            var output = Path.Combine(Path.GetTempPath(), $"quiz-load-{Environment.ProcessId}-{settings.GetValueOrDefault("mode", "quiz")}-{w}.json");
            var args = new Dictionary<string, string>(settings)
            {
                ["count"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["first"] = (w * per).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ramp"] = ramp.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["out"] = output,
            };
            swarm._workers.Add((new ChildProcess(["worker", .. options.ToArgs(args)]), output));
        }
        foreach (var (process, _) in swarm._workers)
        {
            var line = await process.Ready.WaitAsync(timeout);
            swarm.Ready += int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return swarm;
    }

    public async Task<WorkerResult> StopAsync()
    {
        var merged = new WorkerResult();
        foreach (var (process, output) in _workers)
        {
            await process.StopAsync(TimeSpan.FromSeconds(60));
            var part = JsonSerializer.Deserialize<WorkerResult>(await File.ReadAllTextAsync(output))!;
            File.Delete(output);
            merged.Joined += part.Joined;
            merged.JoinFailures += part.JoinFailures;
            merged.JoinRetries += part.JoinRetries;
            merged.AnswersSent += part.AnswersSent;
            merged.Pushes += part.Pushes;
            merged.QuestionsAgain += part.QuestionsAgain;
            merged.StandingsMissing += part.StandingsMissing;
            foreach (var v in part.JoinUs) { merged.JoinUs.Enqueue(v); }
            foreach (var v in part.BroadcastUs) { merged.BroadcastUs.Enqueue(v); }
            foreach (var v in part.AckUs) { merged.AckUs.Enqueue(v); }
            foreach (var (seq, values) in part.AckUsBySeq)
            {
                var into = merged.AckUsBySeq.GetOrAdd(seq, _ => new());
                foreach (var v in values) { into.Enqueue(v); }
            }
            foreach (var v in part.RankDelayUs) { merged.RankDelayUs.Enqueue(v); }
            foreach (var v in part.AckAtMs) { merged.AckAtMs.Enqueue(v); }
            foreach (var (k, v) in part.AckStatus) { merged.AckStatus.AddOrUpdate(k, v, (_, n) => n + v); }
            foreach (var e in part.Errors) { merged.Error(e); }
        }
        return merged;
    }

    public void Dispose()
    {
        foreach (var (process, _) in _workers)
        {
            process.Dispose();
        }
    }
}
