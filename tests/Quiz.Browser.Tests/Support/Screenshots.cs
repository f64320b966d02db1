using Microsoft.Playwright;

namespace Quiz.Browser.Tests.Support;

/// <summary>Screenshots for people to look at: tests/Quiz.Browser.Tests/screenshots/ (git-ignored).</summary>
public static class Screenshots
{
    public static readonly string Folder = Find();

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Quiz.Browser.Tests.csproj")))
            {
                return Directory.CreateDirectory(Path.Combine(dir.FullName, "screenshots")).FullName;
            }
        }
        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}
