using System.Text;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The contest list on the day: a contest created days ago is found by its title with its join code; its host console
/// reopens by account in the same tab (no key); its results download; and its roster imports from a spreadsheet, with
/// the errors by row and column first, then each person's link, which enters the contest on a phone.
/// </summary>
public sealed class ContestListTests
{
    [BrowserFact]
    public async Task The_list_reopens_the_host_console_by_account_exports_results_and_imports_a_roster()
    {
        await using var server = BrowserServer.Start(nameof(ContestListTests));
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 20 }, "q-single", "q-tf");
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.DesktopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(admin);
        await admin.GotoAsync("/admin");
        await Organizer.LogInAsync(admin);
        await admin.Locator("#tab-list").ClickAsync();
        var row = admin.Locator($"[data-contest='{contest.ContestId}']");
        await Expect(row.Locator(".bigcell")).ToHaveTextAsync(contest.JoinCode);
        await Expect(row).ToContainTextAsync("等待开始");

        var download = await admin.RunAndWaitForDownloadAsync(() => row.Locator("[data-file='results.csv']").ClickAsync());
        Assert.StartsWith("名次,昵称", (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF'), StringComparison.Ordinal);

        // A roster with two faults: each named by row and column, in either language, and nobody imported.
        await row.Locator("[data-roster]").ClickAsync();
        await Expect(admin.Locator("#roster-heading")).ToBeFocusedAsync();
        await Upload(admin, "姓名,工号,单位,区县,手机\r\n张三,HZ-001,市科协,西湖区,13912345678\r\n李四,HZ-001,区图书馆,滨江区,\r\n王五,HZ-003,区图书馆,滨江区,139-abc\r\n");
        var errors = admin.Locator("#roster-errors tbody tr");
        await Expect(errors).ToHaveCountAsync(2);
        await Expect(errors.Nth(0)).ToContainTextAsync("3工号工号“HZ-001”已在第 2 行用过");
        await Expect(errors.Nth(1)).ToContainTextAsync("4手机手机号“139-abc”应为 7 到 20 位数字");
        checks.Allow("status of 400");
        await checks.RunAsync("roster errors", "56-admin-roster-errors");

        await Upload(admin, "姓名,工号,单位,区县,手机\r\n张三,HZ-001,市科协,西湖区,13912345678\r\n李四,HZ-002,区图书馆,滨江区,\r\n");
        await Expect(admin.Locator("#roster-report .banner.ok")).ToContainTextAsync("新增 2 人");
        var links = admin.Locator("#roster-people a[href*='me=']");
        await Expect(links).ToHaveCountAsync(2);
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("2"); // the list counts them now
        await checks.RunAsync("roster imported", "57-admin-roster-links");
        var personal = await links.First.GetAttributeAsync("href");

        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync(personal!);
        await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        await Expect(phone.Locator("#lobby")).ToContainTextAsync("张三");

        // The host console, in this tab, by the account logged in here: no key in the link.
        await row.Locator("[data-host]").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/host#contest={contest.ContestId}$"));
        await Expect(admin.Locator("#join-code")).ToHaveTextAsync(contest.JoinCode);
        await Expect(admin.Locator("#connect")).ToBeHiddenAsync();
    }

    private static async Task Upload(IPage admin, string csv)
    {
        await admin.Locator("#roster-file").SetInputFilesAsync(new FilePayload { Name = "名单.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await admin.Locator("#roster-form button[type=submit]").ClickAsync();
    }
}
