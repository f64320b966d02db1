using System.Diagnostics;

namespace Quiz.Server.Tests.Faults;

/// <summary>Runs a script of infra/ (local-cluster.sh, redis-cluster.sh) and returns its exit code and output.</summary>
public static class InfraScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoRoot(), "infra", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await errors + await output);
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quiz.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Quiz.sln not found above the test assembly");
    }
}
