using System.Globalization;

namespace Quiz.LoadTests;

/// <summary>The server's own figures, read from its Prometheus endpoint (/metrics) before and after a run.</summary>
internal sealed record ServerMetrics(double CpuSeconds, double MemoryBytes, double BatchCount, double BatchSum, double Connections,
    IReadOnlyDictionary<string, double> ReplicaWaits, double ReplicaWaitMsSum)
{
    public static async Task<ServerMetrics> ScrapeAsync(HttpClient http, IReadOnlyList<Uri> urls)
    {
        double cpu = 0, memory = 0, batches = 0, batchSum = 0, connections = 0, replicaWaitMs = 0;
        var replicaWaits = new Dictionary<string, double>(); // by outcome (Quiz:Redis:AckAfterReplicas)
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
                        var at = line.IndexOf("outcome=\"", StringComparison.Ordinal) + "outcome=\"".Length; // beside the scope's own labels
                        var outcome = line[at..line.IndexOf('"', at)];
                        replicaWaits[outcome] = replicaWaits.GetValueOrDefault(outcome) + value;
                        break;
                }
            }
        }
        return new ServerMetrics(cpu, memory, batches, batchSum, connections, replicaWaits, replicaWaitMs);
    }
}
