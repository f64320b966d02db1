using System.Text;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The organizer opens a bank holding a date-bound question whose review-by date has passed: the page says so, lists
/// it under 到期待复核, and once the question is checked and its date moved on in the editor it is no longer due.
/// </summary>
public sealed class AdminReviewTests
{
    private const string Sheet = """
        编号,题型,题干,答案,互斥题,复核日期
        food-003,判断,预包装食品标签应标示生产日期。,对,food-016,2020-01-01
        food-016,判断,预包装食品标签应标示贮存条件。,对,,2099-01-01
        food-020,判断,冷藏室的温度一般应保持在0～4℃。,对,,
        """;

    [BrowserFact]
    public async Task A_question_past_its_review_date_is_announced_listed_and_cleared_by_an_edit()
    {
        await using var server = BrowserServer.Start(nameof(AdminReviewTests));
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.GotoAsync("/admin");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await admin.Locator("#bank-name").FillAsync("食品标签题库");
        await admin.Locator("#new-bank button[type=submit]").ClickAsync();
        // Opening the new bank clears the import form: choose the file only once it is open.
        await Expect(admin.Locator("#bank-title")).ToHaveTextAsync("食品标签题库");
        await admin.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "标签.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Sheet.Replace("\n", "\r\n", StringComparison.Ordinal)),
        });
        await admin.Locator("#import button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#report .banner.ok")).ToContainTextAsync("新增 3");

        // The bank counts what is due (after an import as on opening); the button lists only that.
        await Expect(admin.Locator("#due-notice")).ToContainTextAsync("本题库有 1 道题已到复核日期");
        await admin.Locator("#due-show").ClickAsync();
        await Expect(admin.Locator("#s-due")).ToBeCheckedAsync();
        await Expect(admin.Locator("#results")).ToContainTextAsync("共 1 题");
        await Expect(admin.Locator("#results table")).ToContainTextAsync("预包装食品标签应标示生产日期。");
        await Expect(admin.Locator("#results table")).ToContainTextAsync("复核日期 2020-01-01");
        await Screenshots.TakeAsync(admin, "18-admin-review-due");

        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(admin.Locator("#due-notice")).ToContainTextAsync("1 questions of this bank are due for review");
        await Expect(admin.Locator("#results table")).ToContainTextAsync("review by 2020-01-01");
        await admin.Locator("#lang-switch").ClickAsync();

        // Checked: the editor shows the exclusion and takes a new date; nothing is due any more.
        await admin.Locator("#results [data-edit]").ClickAsync();
        await Expect(admin.Locator("#e-excludes")).ToHaveValueAsync("food-016");
        await Expect(admin.Locator("#e-review")).ToHaveValueAsync("2020-01-01");
        await admin.Locator("#e-excludes").FillAsync("food-016，food-020");
        await admin.Locator("#e-review").FillAsync("2099-12-31");
        await admin.Locator("#edit-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#due-notice")).ToBeHiddenAsync();
        await Expect(admin.Locator("#results")).ToContainTextAsync("共 0 题");

        await admin.Locator("#s-due").UncheckAsync();
        await admin.Locator("#search button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#results")).ToContainTextAsync("共 3 题");
        await admin.Locator("#results tr", new() { HasText = "生产日期" }).Locator("[data-edit]").ClickAsync();
        await Expect(admin.Locator("#e-excludes")).ToHaveValueAsync("food-016, food-020");
        await Expect(admin.Locator("#e-review")).ToHaveValueAsync("2099-12-31");
    }
}
