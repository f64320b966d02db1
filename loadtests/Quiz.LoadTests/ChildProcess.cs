using System.Diagnostics;

namespace Quiz.LoadTests;

/// <summary>Another process of this same tool (a worker or a raw server), driven over its standard input and output.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildProcess(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Run as "dotnet Quiz.LoadTests.dll ..." or as the apphost, whichever started us.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _done.TrySetResult();
                _ready.TrySetException(new InvalidOperationException("worker exited before it was ready"));
            }
            else if (e.Data.StartsWith("READY", StringComparison.Ordinal))
            {
                _ready.TrySetResult(e.Data);
            }
            else if (e.Data == "DONE")
            {
                _done.TrySetResult();
            }
            else
            {
                Console.Error.WriteLine($"  [worker {_process.Id}] {e.Data}");
            }
        };
        _process.BeginOutputReadLine();
    }

    public Task<string> Ready => _ready.Task;

    /// <summary>CPU the process used so far (user and system), while it runs.</summary>
    public double CpuSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        await _process.StandardInput.WriteLineAsync("STOP");
        await _process.StandardInput.FlushAsync();
        await _done.Task.WaitAsync(timeout);
        await _process.WaitForExitAsync().WaitAsync(timeout);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
