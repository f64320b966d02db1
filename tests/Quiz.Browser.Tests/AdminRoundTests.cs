using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The organizer creates an online round in the admin, imports its roster from a GBK spreadsheet as Chinese Excel saves
/// it, and a person's link opens the round.
/// </summary>
public sealed class AdminRoundTests
{
    [BrowserFact]
    public async Task An_organizer_creates_an_online_round_and_hands_out_personal_links()
    {
        await using var server = BrowserServer.Start(nameof(AdminRoundTests));
        using (var http = server.CreateHttpClient())
        {
            var bank = await (await http.PostAsJsonAsync("/api/banks", new { name = "职工题库" })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            using var file = new StringContent(SeededQuestions.Json, Encoding.UTF8, "application/json");
            Assert.True((await http.PostAsync($"/api/banks/{bank!["id"]}/import?format=json", file)).IsSuccessStatusCode);
        }
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.GotoAsync("/admin");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#bank-list")).ToContainTextAsync("职工题库");

        await admin.Locator("#tab-online").ClickAsync();
        await admin.Locator("#o-title").FillAsync("安全生产网络知识竞赛");
        await admin.Locator("#o-limit").FillAsync("20");
        await admin.Locator("#o-rules [data-bp=count]").FillAsync("4");
        // A rule's labels sit above their inputs on one line each, not one character a line beside them.
        foreach (var label in await admin.Locator("#o-rules label").AllAsync())
        {
            var box = await label.BoundingBoxAsync();
            Assert.True(box!.Height < 40, $"label '{await label.TextContentAsync()}' is {box.Height} px tall");
        }
        await admin.Locator("#round-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#o-created h2")).ToHaveTextAsync("已创建：题池 5 题，每卷 4 题");
        await Expect(admin.Locator("#o-created")).Not.ToContainTextAsync("主持人密钥"); // a round has no host console
        await Expect(admin.Locator("#o-title")).ToHaveValueAsync(""); // the form starts again: no second round by a second click

        await Expect(admin.Locator("#roster-heading")).ToContainTextAsync("安全生产网络知识竞赛");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        await admin.Locator("#roster-file").SetInputFilesAsync(new FilePayload
        {
            Name = "名单.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.GetEncoding("GB18030").GetBytes("姓名,工号,单位,区县\r\n孙工,GH-7,市电力公司,余杭区\r\n钱工,GH-8,市电力公司,余杭区\r\n"),
        });
        await admin.Locator("#roster-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#roster-people a[href*='code=']")).ToHaveCountAsync(2);
        await Expect(admin.Locator("#roster-people")).ToContainTextAsync("孙工");
        await Screenshots.TakeAsync(admin, "32-admin-online-round");
        var link = await admin.Locator("#roster-people a[href*='code=']").First.GetAttributeAsync("href");

        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync(link!);
        await Expect(phone.Locator("#round-title")).ToHaveTextAsync("安全生产网络知识竞赛");
        await Expect(phone.Locator("#facts")).ToContainTextAsync("20 分钟");
        await phone.Locator("#start").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 1 / 4 题");
    }
}
