namespace Quiz.Browser.Tests.Support;

/// <summary>
/// A test that needs Debian's chromium. Without it the test is skipped with how to install it, except under CI=true,
/// where a missing browser must fail the run instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && !IsCi)
        {
            Skip = "Chromium not found: install it with `sudo apt-get install chromium`";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
