using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The admin's small faults from the event-day walk-through, each as the organizer met it: a save confirmation out of
/// sight, a file and filters carried to another bank, a search that found nothing and said nothing, a pick list
/// without options or key, 正确/错误 in English, and a contest form that kept its content after creating.
/// </summary>
public sealed class AdminFormsTests
{
    [BrowserFact]
    public async Task Banks_say_what_happened_where_the_organizer_looks_and_start_clean_for_another_bank()
    {
        await using var server = BrowserServer.Start(nameof(AdminFormsTests));
        await ImportAsync(server, "市民题库", SeededQuestions.Json);
        await ImportAsync(server, "职工题库", SeededQuestions.Json);
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.SetViewportSizeAsync(1366, 600); // a short window: the list runs below the fold
        await admin.GotoAsync("/admin");
        await Organizer.LogInAsync(admin);
        await admin.Locator("[data-open]").First.ClickAsync();

        // The save confirmation shows where the organizer is, at the foot of the list, not at the top of the page.
        await admin.Locator("#results [data-edit]").Last.ClickAsync();
        await admin.Locator("#e-explanation").FillAsync("已核对。");
        await admin.Locator("#edit-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#message .banner.ok")).ToHaveTextAsync("已保存。");
        await Expect(admin.Locator("#message .banner.ok")).ToBeInViewportAsync();

        // A search with no hits says so; a file and the filters chosen for one bank do not follow to the next.
        await admin.Locator("#s-text").FillAsync("没有这样的题");
        await admin.Locator("#s-type").SelectOptionAsync("single");
        await admin.Locator("#search button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#no-hits")).ToHaveTextAsync("没有找到符合条件的题目。");
        await admin.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "题库.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("题型,题干,答案") });
        await admin.Locator("[data-open]").Last.ClickAsync();
        await Expect(admin.Locator("#bank-title")).ToHaveTextAsync("职工题库");
        await Expect(admin.Locator("#s-text")).ToHaveValueAsync("");
        await Expect(admin.Locator("#s-type")).ToHaveValueAsync("");
        Assert.Equal(0, await admin.Locator("#import-file").EvaluateAsync<int>("input => input.files.length"));
        await Expect(admin.Locator("#results tr")).ToHaveCountAsync(6);
    }

    [BrowserFact]
    public async Task The_contest_form_shows_options_and_key_when_picking_and_starts_empty_after_creating()
    {
        await using var server = BrowserServer.Start(nameof(AdminFormsTests));
        await ImportAsync(server, "市民题库", SeededQuestions.Json);
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.DesktopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(admin);
        await admin.GotoAsync("/admin");
        await Organizer.LogInAsync(admin);
        await Expect(admin.Locator("#bank-list")).ToContainTextAsync("市民题库");
        await admin.Locator("#tab-contests").ClickAsync();
        await admin.Locator("#c-title").FillAsync("社区科普快答");
        await admin.Locator("[data-round='0'] [data-search]").ClickAsync();
        var picks = admin.Locator(".pick-list tr");
        await Expect(picks).ToHaveCountAsync(5);
        var single = picks.Filter(new() { HasText = "碳中和" });
        await Expect(single).ToContainTextAsync("A. 2030年");
        await Expect(single).ToContainTextAsync("答案：C");
        var trueFalse = picks.Filter(new() { HasText = "抗生素" });
        await Expect(trueFalse).ToContainTextAsync("答案：错误");
        await single.Locator("[data-pick]").CheckAsync();
        await trueFalse.Locator("[data-pick]").CheckAsync();
        await Expect(admin.Locator("[data-round='0']")).ToContainTextAsync("已选 2 题");
        await checks.RunAsync("picking questions", "58-admin-pick-list");
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(trueFalse).ToContainTextAsync("Answer: False");
        await admin.Locator("#lang-switch").ClickAsync();

        await admin.Locator("#contest-form button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#created-code")).ToBeVisibleAsync();
        // The form is empty again: a second click asks for a title instead of creating the contest twice.
        await Expect(admin.Locator("#c-title")).ToHaveValueAsync("");
        await Expect(admin.Locator("[data-round='0']")).ToContainTextAsync("已选 0 题");
        await admin.Locator("#contest-form button[type=submit]").ClickAsync();
        Assert.False(await admin.Locator("#c-title").EvaluateAsync<bool>("input => input.validity.valid"));
        await checks.RunAsync("contest created", "59-admin-contest-created");
        using var http = server.CreateHttpClient();
        Assert.Single((await http.GetFromJsonAsync<JsonArray>("/api/contests"))!);
    }

    private static async Task ImportAsync(QuizServer server, string name, string json)
    {
        using var http = server.CreateHttpClient();
        var bank = await (await http.PostAsJsonAsync("/api/banks", new { name })).Content.ReadFromJsonAsync<JsonObject>();
        using var file = new StringContent(json, Encoding.UTF8, "application/json");
        Assert.True((await http.PostAsync($"/api/banks/{bank!["id"]}/import?format=json", file)).IsSuccessStatusCode);
    }
}
