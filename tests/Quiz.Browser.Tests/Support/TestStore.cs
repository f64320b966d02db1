using Quiz.Infrastructure.Redis;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// The store, as in Quiz.Server.Tests: the Redis named by QUIZ_TEST_REDIS, else one embedded Garnet for the run.
/// Every test uses its own key prefix; nothing is flushed.
/// </summary>
public static class TestStore
{
    private static readonly Lazy<string> Connection = new(Resolve);

    public static string ConnectionString => Connection.Value;

    private static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable("QUIZ_TEST_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var dir = Path.Combine(Path.GetTempPath(), "quiz-browser-tests", Guid.NewGuid().ToString("N"));
        var garnet = new EmbeddedGarnet(dir, 0); // lives for the test process
        AppDomain.CurrentDomain.ProcessExit += (_, _) => garnet.Dispose();
        return garnet.ConnectionString;
    }
}
