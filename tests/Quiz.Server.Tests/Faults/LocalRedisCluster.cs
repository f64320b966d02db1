using System.Diagnostics;
using System.Globalization;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// infra/redis-cluster.sh on free consecutive ports (and their cluster bus ports, +10000): three masters, and with
/// replicas a replica of each on the master's port + 3. Faults are real: kill -9, SIGSTOP.
/// </summary>
public sealed class LocalRedisCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _first;
    private readonly bool _replicas;

    private LocalRedisCluster(string dir, int first, bool replicas)
    {
        _dir = dir;
        _first = first;
        _replicas = replicas;
    }

    /// <summary>The three masters as started (the client finds replicas, and masters promoted later, by itself).</summary>
    public string ConnectionString => string.Join(',', Enumerable.Range(_first, 3).Select(p => $"127.0.0.1:{p}"));

    /// <summary>Every process, replicas included, for a client that talks to each one directly.</summary>
    public string EveryProcess => string.Join(',', Enumerable.Range(_first, _replicas ? 6 : 3).Select(p => $"127.0.0.1:{p}"));

    /// <param name="replicas">A replica per master.</param>
    /// <param name="nodeTimeoutMs">cluster-node-timeout: how long a master may be unreachable before its replica takes over.</param>
    public static async Task<LocalRedisCluster> StartAsync(bool replicas = false, int? nodeTimeoutMs = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "quiz-redis-cluster", Guid.NewGuid().ToString("N"));
        var first = LoopbackPorts.FreeRun(replicas ? 6 : 3, alsoOffset: 10_000); // each process's cluster bus is its port + 10000
        var cluster = new LocalRedisCluster(dir, first, replicas);
        var environment = new Dictionary<string, string>
        {
            ["FIRST_PORT"] = first.ToString(CultureInfo.InvariantCulture),
            ["REPLICAS"] = replicas ? "1" : "0",
        };
        if (nodeTimeoutMs is { } timeout)
        {
            environment["NODE_TIMEOUT"] = timeout.ToString(CultureInfo.InvariantCulture);
        }
        try
        {
            await cluster.RunAsync(["start"], environment);
        }
        catch
        {
            await cluster.RunAsync(["stop"]);
            throw;
        }
        return cluster;
    }

    /// <summary>The port of the replica started for the master on <paramref name="masterPort"/> (the layout before any failover).</summary>
    public int ReplicaPortOf(int masterPort) =>
        _replicas && masterPort >= _first && masterPort < _first + 3 ? masterPort + 3 : throw new ArgumentOutOfRangeException(nameof(masterPort));

    /// <summary>Starts a killed process again; it rejoins (a master that lost its slots as a replica) and is in sync on return.</summary>
    public Task StartAgainAsync(int port) => RunAsync(["node", port.ToString(CultureInfo.InvariantCulture)]);

    public void Kill(int port) => Signal(port, "KILL");

    public void Pause(int port) => Signal(port, "STOP");

    public void Resume(int port) => Signal(port, "CONT");

    public string Log(int port) => File.Exists(Path.Combine(_dir, $"{port}", "redis.log")) ? File.ReadAllText(Path.Combine(_dir, $"{port}", "redis.log")) : "";

    public async ValueTask DisposeAsync()
    {
        await RunAsync(["stop"]);
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private void Signal(int port, string signal)
    {
        var path = Path.Combine(_dir, $"{port}.pid");
        using var kill = Process.Start("kill", $"-{signal} {File.ReadAllText(path).Trim()}");
        kill.WaitForExit();
    }

    private async Task RunAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await InfraScript.RunAsync("redis-cluster.sh", [arguments[0], _dir, .. arguments[1..]], environment ?? []);
        Assert.True(exitCode == 0, $"redis-cluster.sh {string.Join(' ', arguments)} failed: {output}");
    }
}
