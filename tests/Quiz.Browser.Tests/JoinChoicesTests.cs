using System.Net.Http.Json;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Contracts;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The organizer lists the contest's teams in /admin; the phone offers them (and Hangzhou's districts) as large
/// choices and nothing to type, and says what is wrong with an invisible nickname.
/// </summary>
public sealed class JoinChoicesTests
{
    [BrowserFact]
    public async Task Teams_listed_in_the_contest_form_are_the_phones_choices_and_an_invisible_nickname_is_refused()
    {
        await using var server = BrowserServer.Start(nameof(JoinChoicesTests));
        using (var organizer = server.CreateHttpClient())
        {
            var bank = await (await organizer.PostAsJsonAsync("/api/banks", new { name = "直播测试题库" })).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
            using var file = new StringContent(SeededQuestions.Json, System.Text.Encoding.UTF8, "application/json");
            Assert.True((await organizer.PostAsync($"/api/banks/{bank!["id"]}/import?format=json", file)).IsSuccessStatusCode);
        }
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        var scriptErrors = new List<string>();
        admin.PageError += (_, error) => scriptErrors.Add(error);
        await admin.GotoAsync("/admin");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#bank-list")).ToContainTextAsync("直播测试题库");
        await admin.Locator("#tab-contests").ClickAsync();

        await admin.Locator("#c-title").FillAsync("社区科普夜");
        await Expect(admin.Locator("#g-districts")).ToHaveValueAsync(string.Join("\n", Quiz.Core.Contests.ContestGroups.Hangzhou));
        await admin.Locator("#g-teams").FillAsync("红队\n 蓝队 \n");
        await admin.Locator("[data-round='0'] [data-search]").ClickAsync();
        await admin.Locator("[data-round='0'] [data-pick]").First.CheckAsync();
        await admin.Locator("#contest-form button[type=submit]").ClickAsync();
        var code = await admin.Locator("#created-code").TextContentAsync();

        var phone = await browser.PhoneAsync(server.BaseAddress);
        phone.PageError += (_, error) => scriptErrors.Add(error);
        await phone.GotoAsync($"/play?code={code}");
        await Expect(phone.Locator("#join-contest")).ToContainTextAsync("社区科普夜");
        await phone.Locator("#more summary").ClickAsync();
        Assert.Equal(["不选择", "红队", "蓝队"], await phone.Locator("#team option").AllTextContentsAsync());
        await Expect(phone.Locator("#unit-field")).ToBeHiddenAsync(); // no units listed and none to type
        await Expect(phone.Locator("#district option")).ToHaveCountAsync(14);
        await phone.Locator("#team").SelectOptionAsync("蓝队");
        await phone.Locator("#district").SelectOptionAsync("西湖区");
        await Screenshots.TakeAsync(phone, "50-play-join-choices");

        await phone.Locator("#nickname").FillAsync("\u200B\u200B");
        await phone.Locator("#join-button").ClickAsync();
        await Expect(phone.Locator("#join-error")).ToContainTextAsync("看得见的文字");
        await phone.Locator("#nickname").FillAsync("钱老师");
        await phone.Locator("#join-button").ClickAsync();
        await Expect(phone.Locator("#hello")).ToContainTextAsync("钱老师");

        using var http = server.CreateAnonymousClient();
        var contestId = await admin.Locator("#created-id").TextContentAsync();
        var board = await http.GetFromJsonAsync<Leaderboard>($"/api/contests/{contestId}/board", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        Assert.Equal(("蓝队", 1), (board!.Teams.Single().Name, board.Teams[0].Participants));
        Assert.Equal("西湖区", board.Districts.Single(d => d.Participants > 0).Name);
        Assert.Empty(scriptErrors);
    }
}
