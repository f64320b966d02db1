using Microsoft.Playwright;
using Quiz.Server.Tests.Support;

namespace Quiz.Browser.Tests.Support;

/// <summary>An organizer at the login form of /admin or /accounts.</summary>
public static class Organizer
{
    public static async Task LogInAsync(IPage page, string user = QuizServer.AdminUser, string password = QuizServer.AdminPassword)
    {
        await page.Locator("#login-user").FillAsync(user);
        await page.Locator("#login-password").FillAsync(password);
        await page.Locator("#login button[type=submit]").ClickAsync();
    }
}
