using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The organizer imports a bad CSV: the page lists each error by row, column and reason, in Chinese or English as the
/// page is, and nothing is written.
/// </summary>
public sealed class AdminImportTests
{
    private const string BadCsv = """
        题型,题干,选项A,选项B,选项C,选项D,答案,解析
        单选,我国提出力争在哪一年前实现碳中和？,2030年,2050年,2060年,2070年,C,2060年前实现碳中和
        问答,请简述温室效应。,,,,,温室气体吸收红外辐射,
        单选,下列哪种气体不是温室气体？,二氧化碳,甲烷,氮气,氧化亚氮,E,
        """;

    [BrowserFact]
    public async Task A_bad_csv_shows_its_errors_per_row_in_the_pages_language_and_imports_nothing()
    {
        await using var server = BrowserServer.Start(nameof(AdminImportTests));
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.GotoAsync("/admin");

        // The organizer logs in as the bootstrap admin the server created at start.
        await Expect(admin.Locator("#bank-name")).ToBeHiddenAsync();
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();

        await admin.Locator("#bank-name").FillAsync("市民科学素质题库");
        await admin.Locator("#new-bank button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#bank-title")).ToHaveTextAsync("市民科学素质题库");

        await admin.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "题库.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(BadCsv.Replace("\n", "\r\n", StringComparison.Ordinal)),
        });
        await admin.Locator("#import button[type=submit]").ClickAsync();

        await Expect(admin.Locator("#report .banner.error")).ToContainTextAsync("没有导入任何题目");
        var rows = admin.Locator("#import-errors tbody tr");
        await Expect(rows.Filter(new() { HasText = "题型" }).Locator("td").First).ToHaveTextAsync("3");
        await Expect(rows.Filter(new() { HasText = "答案" }).Locator("td").First).ToHaveTextAsync("4");
        await Expect(admin.Locator("#import-errors thead")).ToContainTextAsync("行列原因");
        // The reasons are Chinese too, as specific as the English: the value at fault and what would be right.
        await Expect(rows.Filter(new() { HasText = "题型" }).Locator("td").Nth(2)).ToHaveTextAsync("题型“问答”无法识别，请填 单选、多选、判断、填空 或 排序");
        await Expect(rows.Filter(new() { HasText = "答案" }).Locator("td").Nth(2)).ToHaveTextAsync("答案“E”不是有效选项（该题只有 A–D）");
        await Screenshots.TakeAsync(admin, "16-admin-import-errors");

        // Switching to English redraws the same report from the same codes: no second import.
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(admin.Locator("#import-errors thead")).ToContainTextAsync("RowColumnReason");
        var answerRow = rows.Filter(new() { HasText = "Answer (答案)" });
        await Expect(answerRow.Locator("td").First).ToHaveTextAsync("4");
        await Expect(answerRow.Locator("td").Nth(2)).ToHaveTextAsync("answer E is not among the options (there are 4, A-D)");
        await Expect(rows.Filter(new() { HasText = "Type (题型)" }).Locator("td").Nth(2)).ToContainTextAsync("unknown question type '问答'");
        await Screenshots.TakeAsync(admin, "16-admin-import-errors-en");
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(rows.Filter(new() { HasText = "答案" }).Locator("td").Nth(2)).ToHaveTextAsync("答案“E”不是有效选项（该题只有 A–D）");

        using var http = server.CreateHttpClient();
        var banks = await http.GetFromJsonAsync<JsonArray>("/api/banks");
        Assert.Equal(0, Assert.Single(banks!)!["questionCount"]!.GetValue<int>());

        // The good row alone imports; an edit that breaks its answer is refused with the same Chinese reason.
        await admin.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "题库.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(string.Join("\r\n", BadCsv.Split('\n').Take(2))),
        });
        await admin.Locator("#import button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#report .banner.ok")).ToContainTextAsync("新增 1");
        await admin.Locator("#results [data-edit]").ClickAsync();
        await admin.Locator("#e-answer").FillAsync("E");
        await admin.Locator("#edit-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#edit-error")).ToHaveTextAsync("答案“E”不是有效选项（该题只有 A–D）");
    }
}
