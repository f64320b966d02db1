using Quiz.Server.Tests.Support;

namespace Quiz.Browser.Tests.Support;

/// <summary>The shared server fixture with the settings pages tests want: no sample bank, questions opening 100 ms after they are sent.</summary>
public static class BrowserServer
{
    public static QuizServer Start(string name, string? redis = null) => Start(name, redis, null);

    /// <summary>As above, with the server's services adjusted (a test's own clock: a FakeTimeProvider as TimeProvider).</summary>
    public static QuizServer Start(string name, string? redis, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Quiz:SampleBank:Enabled"] = "false",
            ["Quiz:Live:OpenLeadMs"] = "100",
        };
        if (redis is not null)
        {
            settings["ConnectionStrings:Redis"] = redis;
        }
        return new(name, settings, services);
    }
}
