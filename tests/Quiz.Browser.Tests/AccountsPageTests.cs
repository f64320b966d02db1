using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// /accounts for admins: a judge's account is created, given the host role too, its password reset and then every
/// role revoked; the only admin cannot drop the admin role; each change is what the server then holds.
/// </summary>
public sealed class AccountsPageTests
{
    private const string First = "评委-吴老师-first-2025";
    private const string Second = "评委-吴老师-second-2025";

    [BrowserFact]
    public async Task An_admin_creates_an_account_changes_its_roles_resets_its_password_and_revokes_it()
    {
        await using var server = BrowserServer.Start(nameof(AccountsPageTests));
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.DesktopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(page);
        await page.GotoAsync("/admin");
        await Organizer.LogInAsync(page);
        await page.Locator("#accounts-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accounts$"));
        await Expect(page.Locator("#account-list tbody tr")).ToHaveCountAsync(1); // logged in from /admin: the same tab's token

        await page.Locator("#new-user").FillAsync("judge.wu");
        await page.Locator("#new-password").FillAsync(First);
        await page.Locator("#new-roles [data-role='organizer']").UncheckAsync();
        await page.Locator("#new-roles [data-role='judge']").CheckAsync();
        await page.Locator("#new-account button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("已创建账号 judge.wu。");
        var judge = page.Locator("[data-user='judge.wu']");
        await Expect(judge.Locator("[data-role='judge']")).ToBeCheckedAsync();
        await checks.RunAsync("accounts", "60-accounts");

        await judge.Locator("[data-role='host']").CheckAsync();
        await judge.Locator("[data-save]").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("已保存 judge.wu 的角色。");
        await Expect(page.Locator("[data-user='judge.wu'] [data-role='host']")).ToBeCheckedAsync();

        await page.Locator("[data-user='judge.wu'] [data-reset]").ClickAsync();
        await page.Locator("#reset-password").FillAsync(Second);
        await page.Locator("#reset-password2").FillAsync(Second);
        await page.Locator("#reset-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("已为 judge.wu 设置新密码。");
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(anonymous, First)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(anonymous, Second)).StatusCode);

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("[data-user='judge.wu'] [data-revoke]").ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("已撤销 judge.wu 的全部角色。");
        await Expect(page.Locator("[data-user='judge.wu']")).ToContainTextAsync("已撤销");
        using var http = server.CreateHttpClient();
        var accounts = await http.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/accounts");
        Assert.Equal(0, accounts!.Single(a => a.GetProperty("userName").GetString() == "judge.wu").GetProperty("roles").GetArrayLength());

        // The only admin keeps the admin role, and the page says why.
        await page.Locator($"[data-user='{QuizServer.AdminUser}'] [data-role='admin']").UncheckAsync();
        await page.Locator($"[data-user='{QuizServer.AdminUser}'] [data-save]").ClickAsync();
        await Expect(page.Locator("#message .banner.error")).ToContainTextAsync("这是唯一的管理员");
        await Expect(page.Locator($"[data-user='{QuizServer.AdminUser}'] [data-role='admin']")).ToBeCheckedAsync();
        checks.Allow("status of 409");
        await checks.RunAsync("accounts after the changes", "61-accounts-changed");
    }

    private static Task<HttpResponseMessage> Login(HttpClient http, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { userName = "judge.wu", password });
}
