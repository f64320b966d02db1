using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// A fresh install as a new user meets it: / shows its links, /admin offers the first admin's setup with the code the
/// server printed, and then every tab of /admin passes the page checks (policy, console, both languages, contrast,
/// overflow) at 1440x900, with a bank, a live contest and an online round in it.
/// </summary>
public sealed class FirstRunTests
{
    private const string Password = "西湖-first-setup-2025";

    [BrowserFact]
    public async Task The_first_admin_is_set_up_with_the_printed_code_and_every_admin_tab_passes_the_page_checks()
    {
        var log = new SetupCodeLog();
        await using var server = new QuizServer(nameof(FirstRunTests), new Dictionary<string, string?>
        {
            ["Quiz:SampleBank:Enabled"] = "false",
            ["Quiz:Auth:BootstrapAdmin"] = "", // a fresh install: no scripted admin
            ["Quiz:Auth:BootstrapPassword"] = "",
        }, services => services.AddSingleton<ILoggerProvider>(log));
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.DesktopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(page);

        // The start page rendered blank under its own policy (an inline script); now it lists every page.
        await page.GotoAsync("/");
        await Expect(page.Locator(".pages a")).ToHaveCountAsync(6);
        await Expect(page.Locator(".pages a[href='/check'] strong")).ToHaveTextAsync("网络检测");
        await checks.RunAsync("home", "50-home");

        await page.GotoAsync("/admin");
        await Expect(page.Locator("#setup")).ToBeVisibleAsync();
        await Expect(page.Locator("#login")).ToBeHiddenAsync();
        await checks.RunAsync("first-admin setup", "51-admin-setup");

        await page.Locator("#setup-code").FillAsync("AAAA-BBBB-CCCC-DDDD");
        await page.Locator("#setup-user").FillAsync(QuizServer.AdminUser);
        await page.Locator("#setup-password").FillAsync(Password);
        await page.Locator("#setup-password2").FillAsync(Password);
        await page.Locator("#setup button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("设置码不正确");
        checks.Allow("status of 401");
        await page.Locator("#setup-code").FillAsync(log.Code.ToLowerInvariant());
        await page.Locator("#setup button[type=submit]").ClickAsync();
        await Expect(page.Locator("#message")).ToContainTextAsync("已创建管理员 admin 并登录");
        await Expect(page.Locator("#bank-list")).ToContainTextAsync("还没有题库");
        await Expect(page.Locator("#accounts-link")).ToBeVisibleAsync();

        // What an organizer has a few days before the event: a bank, a contest and an online round.
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 20 }, "q-single", "q-tf");
        var round = await Rounds.CreateAsync(server, 600);
        await page.ReloadAsync(); // the token lives in this tab: still logged in
        await page.Locator("#bank-list [data-open]").First.ClickAsync();
        await Expect(page.Locator("#results tr")).ToHaveCountAsync(6);
        await checks.RunAsync("banks tab with a bank open", "52-admin-banks");

        await page.Locator("#tab-list").ClickAsync();
        await Expect(page.Locator("#contest-list tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator($"[data-contest='{contest.ContestId}'] .bigcell")).ToHaveTextAsync(contest.JoinCode);
        await Expect(page.Locator($"[data-contest='{round.ContestId}']")).ToContainTextAsync("网络竞赛");
        await checks.RunAsync("contest list", "53-admin-list");

        await page.Locator("#tab-contests").ClickAsync();
        await Expect(page.Locator("#contest-form")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-template]")).ToHaveCountAsync(1);
        await checks.RunAsync("new contest", "54-admin-contest");

        await page.Locator("#tab-online").ClickAsync();
        await Expect(page.Locator("#round-form")).ToBeVisibleAsync();
        await checks.RunAsync("new online round", "55-admin-online");
    }
}
