namespace Quiz.Server.Tests.Faults;

/// <summary>
/// A test that starts a local cluster of real processes (redis-server, nginx, server nodes). Without redis-server or
/// nginx it is skipped with how to install them, except under CI=true, where a missing tool must fail the run. It
/// runs once per CI run: not again in the embedded-Garnet run (QUIZ_TEST_GARNET=1), whose subject is the store.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("QUIZ_TEST_GARNET") == "1")
        {
            Skip = "Cluster fault tests run in the Redis run only (QUIZ_TEST_GARNET=1 is set)";
        }
        else if (!IsCi && Tool.Find("redis-server") is null)
        {
            Skip = "redis-server not found: install it with `sudo apt-get install redis-server`";
        }
        else if (!IsCi && Tool.Find("nginx") is null)
        {
            Skip = "nginx not found: install it with `sudo apt-get install nginx-light`";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Finds a program on PATH (and in /usr/sbin, where Debian puts nginx).</summary>
public static class Tool
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/sbin")
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
