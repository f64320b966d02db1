using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>What a run measured, written as JSON (--out) and as a Markdown summary beside it.</summary>
internal sealed class Report
{
    public string Scenario { get; set; } = "";
    public string Machine { get; set; } = "";
    public DateTimeOffset At { get; set; } = DateTimeOffset.UtcNow;
    public int Nodes { get; set; }
    public int Participants { get; set; }
    public int Questions { get; set; }
    public int WindowSeconds { get; set; }
    public string AnswerDistribution { get; set; } = "";
    public string Protocol { get; set; } = "json";
    public int Connected { get; set; }
    public int JoinFailures { get; set; }
    public int JoinRetries { get; set; }
    public double JoinSeconds { get; set; }
    public double JoinsPerSecond { get; set; }
    public Summary? Join { get; set; }
    public Summary? Broadcast { get; set; }
    public Summary? Ack { get; set; }
    public Summary? RankAfterClose { get; set; }
    public double PeakAnswersPerSecond { get; set; }
    public int AnswersSent { get; set; }
    public long Pushes { get; set; }
    public int QuestionsAgain { get; set; }
    public int Acknowledged { get; set; }
    public Dictionary<string, int> AckStatus { get; set; } = [];
    public int StoredByReveal { get; set; }
    public int StoredInLog { get; set; }
    /// <summary>Acknowledged answers missing from the contest's append-only log (the audit's count): the record lost them.</summary>
    public int Lost { get; set; }
    /// <summary>
    /// Acknowledged answers the reveals did not count: a reveal counts what is stored when the host reveals, so an answer
    /// that arrived in time but was written later (a node seconds behind at 50,000 on 2 cores) is missing from the screen's count.
    /// </summary>
    public int RevealShort { get; set; }
    public int StandingsMissing { get; set; }
    public List<string> Errors { get; set; } = [];
    public double ServerCpuSeconds { get; set; }
    public double ServerMemoryMb { get; set; }
    /// <summary>The nodes' CPU from the contest's creation to the last join, and their memory and Redis' CPU then (live scenario).</summary>
    public double JoinCpuSeconds { get; set; }
    public double JoinedMemoryMb { get; set; }
    public double IdleMemoryMb { get; set; }
    /// <summary>--hold: seconds everyone stayed connected with nothing happening (after 10 s to settle), and the nodes' CPU over them (both left out of ServerCpuSeconds).</summary>
    public int HoldSeconds { get; set; }
    public double HoldCpuSeconds { get; set; }
    public double JoinRedisCpuSeconds { get; set; }
    public double MeanRedisBatch { get; set; }
    public double RedisCpuSeconds { get; set; }
    /// <summary>Redis time in scripts per accepted answer: the answer batches plus the (few) room moves.</summary>
    public double RedisScriptUsPerAnswer { get; set; }
    /// <summary>WAITs for replicas after writes (Quiz:Redis:AckAfterReplicas), by outcome; empty when nothing waited.</summary>
    public Dictionary<string, double> ReplicaWaits { get; set; } = [];
    public double MeanReplicaWaitMs { get; set; }
    public Summary? RawBroadcast { get; set; }
    /// <summary>The raw broadcast servers' CPU per message delivered (µs), the same run's floor for a push.</summary>
    public double RawCpuUsPerMessage { get; set; }
    /// <summary>Wall time from the end of the joins (and of --hold) to the end of the last question, everyone connected.</summary>
    public double QuestionSeconds { get; set; }
    public Dictionary<string, double> RedisBenchmark { get; set; } = [];

    public static string DescribeMachine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";

    public void Fill(WorkerResult measured, int storedByReveal, int storedInLog, ServerMetrics before, ServerMetrics after)
    {
        JoinFailures = measured.JoinFailures;
        JoinRetries = measured.JoinRetries;
        JoinsPerSecond = JoinSeconds > 0 ? Math.Round(Connected / JoinSeconds, 1) : 0;
        Join = Histograms.Summarize(measured.JoinUs);
        Broadcast = Histograms.Summarize(measured.BroadcastUs);
        Ack = Histograms.Summarize(measured.AckUs);
        RankAfterClose = Histograms.Summarize(measured.RankDelayUs);
        AnswersSent = measured.AnswersSent;
        Pushes = measured.Pushes;
        QuestionsAgain = measured.QuestionsAgain;
        AckStatus = new Dictionary<string, int>(measured.AckStatus);
        Acknowledged = AckStatus.GetValueOrDefault("accepted");
        PeakAnswersPerSecond = measured.AckAtMs.GroupBy(ms => ms / 1000).Select(g => g.Count()).DefaultIfEmpty().Max();
        StoredByReveal = storedByReveal;
        StoredInLog = storedInLog;
        Lost = Math.Max(0, Acknowledged - storedInLog);
        RevealShort = Math.Max(0, Acknowledged - storedByReveal);
        StandingsMissing = measured.StandingsMissing;
        Errors = [.. measured.Errors];
        ServerCpuSeconds = Math.Round(after.CpuSeconds - before.CpuSeconds, 1);
        ServerMemoryMb = Math.Round(after.MemoryBytes / (1 << 20), 0);
        var batches = after.BatchCount - before.BatchCount;
        MeanRedisBatch = batches > 0 ? Math.Round((after.BatchSum - before.BatchSum) / batches, 1) : 0;
        ReplicaWaits = after.ReplicaWaits.ToDictionary(w => w.Key, w => w.Value - before.ReplicaWaits.GetValueOrDefault(w.Key));
        var waited = ReplicaWaits.Where(w => w.Key != "skipped").Sum(w => w.Value);
        MeanReplicaWaitMs = waited > 0 ? Math.Round((after.ReplicaWaitMsSum - before.ReplicaWaitMsSum) / waited, 2) : 0;
    }

    public async Task WriteAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));
        await File.WriteAllTextAsync(Path.ChangeExtension(path, ".md"), ToMarkdown());
    }

    public string ToMarkdown()
    {
        static string Row(string name, Summary? s) => s is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {s.Count} | {s.P50Ms} | {s.P99Ms} | {s.P999Ms} | {s.MaxMs} |\n");
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"# {Scenario}: {Participants} participants, {Questions} question(s), {WindowSeconds} s window, {Nodes} node(s)\n\n");
        md.Append(CultureInfo.InvariantCulture, $"{At:u} on {Machine}; answers {AnswerDistribution}, participants on {Protocol}.\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Connected {Connected} ({JoinFailures} failed, {JoinRetries} retried after busy) in {JoinSeconds} s = {JoinsPerSecond} joins/s. ");
        md.Append(CultureInfo.InvariantCulture, $"Answers: sent {AnswersSent}, acknowledged {Acknowledged}, stored {StoredInLog} (log) / {StoredByReveal} (reveal counts), **lost {Lost}**, not counted by the reveals {RevealShort}; ");
        md.Append(CultureInfo.InvariantCulture, $"statuses {string.Join(", ", AckStatus.Select(kv => $"{kv.Key} {kv.Value}"))}; peak {PeakAnswersPerSecond} acks/s; {Pushes} pushes received ({QuestionsAgain} questions a second time, not answered again); the questions took {QuestionSeconds} s; the raw broadcast's servers spent {RawCpuUsPerMessage} µs of CPU per message. ");
        md.Append(CultureInfo.InvariantCulture, $"Standings missing: {StandingsMissing}. Server CPU {ServerCpuSeconds} s (joins {JoinCpuSeconds} s; {HoldCpuSeconds} s more while all {Connected} were held idle for {HoldSeconds} s, after 10 s to settle), memory {ServerMemoryMb} MB ({IdleMemoryMb} MB before the joins, {JoinedMemoryMb} MB once all joined), mean Redis batch {MeanRedisBatch} answers; Redis CPU {RedisCpuSeconds} s for the whole run (joins {JoinRedisCpuSeconds} s), {RedisScriptUsPerAnswer} µs of script time per answer.\n\n");
        if (ReplicaWaits.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"Replica waits: {string.Join(", ", ReplicaWaits.Select(kv => $"{kv.Key} {kv.Value}"))}; mean wait {MeanReplicaWaitMs} ms.\n\n");
        }
        md.Append("| latency (ms) | n | p50 | p99 | p99.9 | max |\n|---|---:|---:|---:|---:|---:|\n");
        md.Append(Row("join", Join)).Append(Row("question broadcast", Broadcast)).Append(Row("raw WebSocket broadcast (baseline)", RawBroadcast));
        md.Append(Row("answer ack", Ack)).Append(Row("own rank after close", RankAfterClose));
        if (RedisBenchmark.Count > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $"\nredis-benchmark (same run): {string.Join(", ", RedisBenchmark.Select(kv => $"{kv.Key} {kv.Value:0} ops/s"))}\n");
        }
        if (Errors.Count > 0)
        {
            md.Append("\nFirst errors:\n").AppendJoin('\n', Errors.Take(5).Select(e => "- " + e)).Append('\n');
        }
        return md.ToString();
    }
}
