using System.Diagnostics;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// A redis-server of the test's own, with its append-only file fsynced on every write (so an acknowledged answer
/// survives a restart), that the test can freeze (SIGSTOP), thaw and restart on the same port.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "quiz-redis", Guid.NewGuid().ToString("N"));
    private Process? _process;

    private RedisProcess(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectRetry=20";

    public static async Task<RedisProcess> StartAsync()
    {
        var redis = new RedisProcess(LoopbackPorts.Free(1)[0]);
        Directory.CreateDirectory(redis._dir);
        await redis.LaunchAsync();
        return redis;
    }

    /// <summary>The store stops answering: connections stay open, commands wait.</summary>
    public void Freeze() => Signal("STOP");

    public void Thaw() => Signal("CONT");

    /// <summary>A clean stop (the AOF is on disk) and a start on the same port and data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task LaunchAsync()
    {
        _process = Process.Start(new ProcessStartInfo(Tool.Find("redis-server") ?? "redis-server",
            $"--port {Port} --bind 127.0.0.1 --dir {_dir} --appendonly yes --appendfsync always --save \"\" --daemonize no --logfile {Path.Combine(_dir, "redis.log")}")
        {
            UseShellExecute = false,
        })!;
        // Ready when it answers, not after a fixed wait.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                if ((await probe.GetDatabase().PingAsync()) >= TimeSpan.Zero)
                {
                    return;
                }
            }
            catch (RedisException) when (attempt < 200 && !_process.HasExited) // not listening yet, or LOADING its append-only file
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        Signal("CONT");
        Signal("TERM");
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Signal(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            using var kill = Process.Start("kill", $"-{signal} {process.Id}");
            kill.WaitForExit();
        }
    }
}
