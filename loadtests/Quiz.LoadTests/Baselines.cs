using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Quiz.LoadTests;

/// <summary>
/// Figures measured in the same run as the Quiz figures, so a noisy shared machine affects both alike: the Redis
/// commands of the answer path through redis-benchmark, and a raw WebSocket broadcast to the same number of sockets.
/// </summary>
internal static partial class Baselines
{
    /// <summary>redis-benchmark against the first of the (comma-separated) Redis endpoints: one core's worth.</summary>
    public static async Task<Dictionary<string, double>> RedisBenchmarkAsync(string redis)
    {
        var results = new Dictionary<string, double>();
        var parts = redis.Split(',')[0].Split(':');
        foreach (var (name, pipeline, command) in new[]
        {
            ("zincrby_p16", 16, "ZINCRBY bench:board 1 m:__rand_int__"),
            ("hsetnx_p16", 16, "HSETNX bench:answers f:__rand_int__ v"),
            ("zincrby_p1", 1, "ZINCRBY bench:board 1 m:__rand_int__"),
        })
        {
            var start = new ProcessStartInfo("redis-benchmark") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in $"-h {parts[0]} -p {parts[1]} -q -n 200000 -r 100000 -P {pipeline} {command}".Split(' '))
            {
                start.ArgumentList.Add(arg);
            }
            try
            {
                using var process = Process.Start(start)!;
                var output = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                var match = RequestsPerSecond().Match(output);
                if (match.Success)
                {
                    results[name] = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("redis-benchmark not found; the Redis baseline is skipped (apt-get install redis-tools).");
                break;
            }
        }
        using var cleanup = Process.Start("redis-cli", ["-h", parts[0], "-p", parts[1], "DEL", "bench:board", "bench:answers"]);
        await cleanup.WaitForExitAsync();
        return results;
    }

    /// <summary>CPU seconds Redis has used so far (INFO cpu), summed over the endpoints (a cluster's masters), to price each answer in Redis time.</summary>
    public static async Task<double> RedisCpuSecondsAsync(string redis) =>
        (await RedisInfoAsync(redis, "cpu")).Split('\n')
            .Where(l => l.StartsWith("used_cpu_sys:", StringComparison.Ordinal) || l.StartsWith("used_cpu_user:", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.IndexOf(':') + 1)..].Trim(), CultureInfo.InvariantCulture));

    /// <summary>Microseconds Redis spent in scripts (EVAL and EVALSHA) so far, from INFO commandstats.</summary>
    public static async Task<double> RedisScriptMicrosecondsAsync(string redis) =>
        (await RedisInfoAsync(redis, "commandstats")).Split('\n')
            .Where(l => l.StartsWith("cmdstat_eval", StringComparison.Ordinal))
            .Sum(l => double.Parse(ScriptUsec().Match(l).Groups[1].Value, CultureInfo.InvariantCulture));

    private static async Task<string> RedisInfoAsync(string redis, string section) =>
        string.Join('\n', await Task.WhenAll(redis.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(endpoint => RedisInfoOfAsync(endpoint, section))));

    private static async Task<string> RedisInfoOfAsync(string redis, string section)
    {
        var parts = redis.Split(':');
        try
        {
            var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true };
            foreach (var arg in new[] { "-h", parts[0], "-p", parts[1], "INFO", section })
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    /// <summary>Raw servers on the given ports, the same number of sockets as participants, three broadcasts.</summary>
    /// <summary>The raw broadcast's latencies, and its servers' CPU per message delivered (µs).</summary>
    public static async Task<(Summary Latency, double CpuUsPerMessage)> RawBroadcastAsync(Options options, int sockets, int firstPort, int servers)
    {
        var rawServers = Enumerable.Range(0, servers).Select(i => new ChildProcess(["rawserver", "--port", (firstPort + i).ToString(CultureInfo.InvariantCulture)])).ToList();
        try
        {
            foreach (var server in rawServers)
            {
                await server.Ready.WaitAsync(TimeSpan.FromSeconds(30));
            }
            var urls = string.Join(',', Enumerable.Range(0, servers).Select(i => $"http://127.0.0.1:{firstPort + i}"));
            using var swarm = await Swarm.StartAsync(options, sockets, new Dictionary<string, string> { ["mode"] = "raw", ["url"] = urls }, TimeSpan.FromMinutes(5));
            using var http = new HttpClient();
            var cpuBefore = 0.0;
            for (var round = 0; round < 3; round++)
            {
                await Task.Delay(1000);
                cpuBefore = round == 1 ? rawServers.Sum(s => s.CpuSeconds) : cpuBefore;
                var t = (long)Clock.NowMs;
                await Task.WhenAll(Enumerable.Range(0, servers).Select(i => http.GetStringAsync($"http://127.0.0.1:{firstPort + i}/go?t={t}")));
            }
            await Task.Delay(2000);
            // The raw servers' CPU over the last two sends (the first one pays for the JIT) and 3 s of holding the sockets
            // (no pings: next to nothing), per message delivered: the floor a node's cost per push is compared with.
            var cpu = rawServers.Sum(s => s.CpuSeconds) - cpuBefore;
            var result = await swarm.StopAsync();
            return (Histograms.Summarize(result.BroadcastUs), Math.Round(cpu * 1e6 / Math.Max(1, sockets * 2), 1));
        }
        finally
        {
            foreach (var server in rawServers)
            {
                try
                {
                    await server.StopAsync(TimeSpan.FromSeconds(10));
                }
                catch (TimeoutException)
                {
                    // Killed on dispose.
                }
                server.Dispose();
            }
        }
    }

    [GeneratedRegex(@"usec=(\d+)")]
    private static partial Regex ScriptUsec();

    [GeneratedRegex(@":\s*([\d.]+)\s+requests per second")]
    private static partial Regex RequestsPerSecond();
}
