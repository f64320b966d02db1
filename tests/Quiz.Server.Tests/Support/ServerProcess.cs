using System.Diagnostics;
using System.Text.RegularExpressions;
using Quiz.Server.Tests.Faults;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// The first command of the README as a person types it, `dotnet run --project src/Quiz.Server` (launch profile and
/// all; --no-build, the tests built it), with the environment and arguments a test gives. Its output is read line by
/// line so a test waits on the line it needs (the address, the setup code), never on the clock.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>The first-admin setup code in a line the server logged (SetupCodes.New's shape), or "".</summary>
    public static string SetupCodeIn(string line) => SetupCode().Match(line).Value;

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex SetupCode();

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private ServerProcess(Process process) => _process = process;

    /// <summary>Environment variables of this process that would change how the server starts, left out of the child's.</summary>
    private static readonly string[] Inherited = ["ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_ENVIRONMENT"];

    public static ServerProcess Start(IDictionary<string, string> environment, params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", configuration, "--project", Path.Combine("src", "Quiz.Server"), .. arguments.Length > 0 ? ["--", .. arguments] : Array.Empty<string>()])
        {
            WorkingDirectory = InfraScript.RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in Inherited.Concat(start.Environment.Keys.Where(k => k.StartsWith("Quiz__", StringComparison.Ordinal))).ToList())
        {
            start.Environment.Remove(key);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        server._process.OutputDataReceived += (_, e) => server.Add(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Add(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>The first output line that matches, as soon as it is written (or at once if it was).</summary>
    public async Task<string> LineAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }
            _waiters.Add((match, found));
        }
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(found.Task, exited, Task.Delay(TimeSpan.FromMinutes(2))) != found.Task)
        {
            throw new InvalidOperationException($"The server never wrote the expected line (exited: {_process.HasExited}). Output:\n{Output}");
        }
        return await found.Task;
    }

    /// <summary>The exit code once the process ends by itself.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a bound for a hung start, not a timing margin
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Found.TrySetResult(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
