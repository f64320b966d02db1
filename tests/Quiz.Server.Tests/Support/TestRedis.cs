using Quiz.Infrastructure.Redis;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// The store the integration tests run against: the Redis named by QUIZ_TEST_REDIS, else one embedded Garnet for the
/// whole test run. Tests never flush it; each isolates itself with its own key prefix (<see cref="NewPrefix"/>).
/// </summary>
public static class TestRedis
{
    private static readonly Lazy<string> Connection = new(Resolve);

    public static string ConnectionString => Connection.Value;

    public static bool IsEmbedded => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("QUIZ_TEST_REDIS"));

    /// <summary>A key prefix no other test uses, named after the caller so leftovers are easy to trace.</summary>
    public static string NewPrefix(string name) => $"test:{name}:{Guid.NewGuid():N}:";

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("QUIZ_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            && Environment.GetEnvironmentVariable("QUIZ_TEST_GARNET") != "1")
        {
            throw new InvalidOperationException(
                "CI=true but QUIZ_TEST_REDIS is not set: CI must test against a real Redis (set QUIZ_TEST_GARNET=1 for the embedded run).");
        }
        var dir = Path.Combine(Path.GetTempPath(), "quiz-tests", Guid.NewGuid().ToString("N"));
        // Lives for the test process; the OS reclaims the port when it exits.
        var garnet = new EmbeddedGarnet(dir, 0);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            garnet.Dispose();
            TryDelete(dir);
        };
        return garnet.ConnectionString;
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
