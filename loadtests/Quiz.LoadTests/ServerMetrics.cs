using System.Globalization;

namespace Quiz.LoadTests;

/// <summary>
/// The server's own figures, read from its Prometheus endpoint (/metrics) of every node, summed, before and after a run
/// or a phase. <see cref="AckBuckets"/> is the nodes' answer-acknowledgement histogram (arrival to ack, cumulative
/// counts by bucket bound), so a slow ack seen by a phone can be told apart from time spent outside the nodes.
/// </summary>
internal sealed record ServerMetrics(double CpuSeconds, double MemoryBytes, double BatchCount, double BatchSum, double Connections,
    IReadOnlyDictionary<string, double> ReplicaWaits, double ReplicaWaitMsSum, IReadOnlyDictionary<double, double> AckBuckets)
{
    public static async Task<ServerMetrics> ScrapeAsync(HttpClient http, IReadOnlyList<Uri> urls)
    {
        double cpu = 0, memory = 0, batches = 0, batchSum = 0, connections = 0, replicaWaitMs = 0;
        var replicaWaits = new Dictionary<string, double>(); // by outcome (Quiz:Redis:AckAfterReplicas)
        var ackBuckets = new Dictionary<double, double>();
        foreach (var url in urls)
        {
            string text;
            try
            {
                text = await http.GetStringAsync(new Uri(url, "metrics"));
            }
            catch (HttpRequestException)
            {
                continue;
            }
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith('#') || line.Length == 0)
                {
                    continue;
                }
                var name = line[..line.IndexOfAny([' ', '{'])];
                var value = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                switch (name)
                {
                    case "quiz_process_cpu_time_seconds_total": cpu += value; break;
                    case "quiz_process_memory_bytes": memory += value; break;
                    case "quiz_redis_batch_size_count": batches += value; break;
                    case "quiz_redis_batch_size_sum": batchSum += value; break;
                    case "quiz_connections": connections += value; break;
                    case "quiz_redis_replica_wait_duration_milliseconds_sum": replicaWaitMs += value; break;
                    case "quiz_redis_replica_waits_total":
                        var outcome = Label(line, "outcome");
                        replicaWaits[outcome] = replicaWaits.GetValueOrDefault(outcome) + value;
                        break;
                    case "quiz_answer_ack_duration_milliseconds_bucket":
                        var bound = Label(line, "le") is var le && le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                        ackBuckets[bound] = ackBuckets.GetValueOrDefault(bound) + value;
                        break;
                }
            }
        }
        return new ServerMetrics(cpu, memory, batches, batchSum, connections, replicaWaits, replicaWaitMs, ackBuckets);
    }

    /// <summary>The smallest bucket bound under which the given share of the acks between two scrapes fell ("≤ 25 ms").</summary>
    public static string AckQuantile(ServerMetrics before, ServerMetrics after, double share)
    {
        var total = after.AckBuckets.GetValueOrDefault(double.PositiveInfinity) - before.AckBuckets.GetValueOrDefault(double.PositiveInfinity);
        var bound = total <= 0 ? (double?)null : after.AckBuckets.Keys.Order()
            .First(b => after.AckBuckets[b] - before.AckBuckets.GetValueOrDefault(b) >= share * total); // +Inf holds them all
        return bound switch
        {
            null => "n/a",
            double.PositiveInfinity => "> the last bucket",
            _ => string.Create(CultureInfo.InvariantCulture, $"≤ {bound} ms"),
        };
    }

    /// <summary>One label's value (the exporter writes its own scope labels beside ours).</summary>
    private static string Label(string line, string name)
    {
        var at = line.IndexOf($"{name}=\"", StringComparison.Ordinal) + name.Length + 2;
        return line[at..line.IndexOf('"', at)];
    }
}
