using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>The online round page: start, autosave, reload and resume with the server's time, submit; and the deadline handing it in.</summary>
public sealed class RoundTests
{
    [BrowserFact]
    public async Task A_participant_starts_answers_reloads_resumes_and_hands_in()
    {
        await using var server = BrowserServer.Start(nameof(RoundTests));
        var round = await Rounds.CreateAsync(server, timeLimitSeconds: 600);
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);

        await phone.GotoAsync($"/round?c={round.ContestId}&code={Uri.EscapeDataString(round.Code)}");
        await Expect(phone.Locator("#round-title")).ToHaveTextAsync("职工网络科普知识竞赛");
        Assert.DoesNotContain("code=", phone.Url, StringComparison.Ordinal); // the personal code leaves the address bar
        await phone.Locator("#start").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 1 / 3 题");
        await AnswerCurrentAsync(phone);
        await phone.Locator("#next").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 3 题");
        await AnswerCurrentAsync(phone);
        await Screenshots.TakeAsync(phone, "30-round-paper");

        await phone.ReloadAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 3 题"); // back at the item it was on
        await Expect(phone.Locator("#map button.answered")).ToHaveCountAsync(2);
        await Expect(phone.Locator("#save-state")).ToHaveTextAsync("已保存");
        await Expect(phone.Locator("#clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(9:[0-5]\d|10:00)$"));

        phone.Dialog += (_, dialog) => dialog.AcceptAsync();
        await phone.Locator("#submit").ClickAsync();
        await Expect(phone.Locator("#done-title")).ToHaveTextAsync("已交卷，感谢参与！");
        await Expect(phone.Locator("#result")).ToContainTextAsync("总分");
        await Expect(phone.Locator("#result")).ToContainTextAsync("第 1 名 / 共 1 人");
        await Expect(phone.Locator("#boards")).ToContainTextAsync("拱墅区");
        await Screenshots.TakeAsync(phone, "31-round-done");

        await Expect(phone.Locator("#assessment")).ToBeHiddenAsync(); // not an assessment: no profile link

        await phone.ReloadAsync(); // a second visit shows the result; there is no second attempt
        await Expect(phone.Locator("#done-title")).ToHaveTextAsync("已交卷，感谢参与！");
        await Expect(phone.Locator("#start")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task When_time_is_up_the_server_hands_the_paper_in()
    {
        await using var server = BrowserServer.Start(nameof(RoundTests));
        var round = await Rounds.CreateAsync(server, timeLimitSeconds: 20, results: "AtClose");
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync($"/round?c={round.ContestId}");
        await phone.Locator("#code").FillAsync(round.Code);
        await phone.Locator("#code-form button").ClickAsync();
        await phone.Locator("#start").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 1 / 3 题");
        await AnswerCurrentAsync(phone, waitForSave: false); // on a busy machine the save may meet the deadline

        await Expect(phone.Locator("#done-title")).ToHaveTextAsync("时间到，已自动交卷。", new() { Timeout = 60_000 });
        await Expect(phone.Locator("#done-note")).ToContainTextAsync("竞赛结束后公布"); // results wait for the close
        await Expect(phone.Locator("#result")).Not.ToContainTextAsync("总分");
    }

    [BrowserFact]
    public async Task An_assessment_round_shows_the_caveat_and_after_hand_in_links_to_the_optional_profile()
    {
        await using var server = BrowserServer.Start(nameof(An_assessment_round_shows_the_caveat_and_after_hand_in_links_to_the_optional_profile));
        var round = await Rounds.CreateAssessmentAsync(server);
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);

        await phone.GotoAsync($"/round?c={round.ContestId}&code={Uri.EscapeDataString(round.Code)}");
        await Expect(phone.Locator("#intro-caveat")).ToContainTextAsync("不是随机抽样样本");
        await phone.Locator("#start").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 1 / 50 题");
        await Expect(phone.Locator("#assessment")).ToBeHiddenAsync(); // the profile is asked for after the paper, not during it
        await AnswerCurrentAsync(phone);
        phone.Dialog += (_, dialog) => dialog.AcceptAsync();
        await phone.Locator("#submit").ClickAsync();

        await Expect(phone.Locator("#done-title")).ToHaveTextAsync("已交卷，感谢参与！");
        await Expect(phone.Locator("#assessment")).ToContainTextAsync("需勾选同意才会保存");
        await Expect(phone.Locator("#assessment")).ToContainTextAsync("不是官方统计");
        await Screenshots.TakeAsync(phone, "33-round-assessment-done");
        await phone.Locator("#profile-link").ClickAsync();
        await Expect(phone.Locator("#consent")).ToBeVisibleAsync();
        Assert.Contains($"#contest={round.ContestId}&me=", phone.Url, StringComparison.Ordinal);
        await phone.Locator("#age").SelectOptionAsync("40-49");
        await phone.Locator("#consent").CheckAsync();
        await phone.Locator("#save").ClickAsync();
        await Expect(phone.Locator("#result")).ToContainTextAsync("已保存"); // the round's token is the profile's token

        await phone.GotoAsync($"/round?c={round.ContestId}"); // coming back: the result, and the link again
        await Expect(phone.Locator("#profile-link")).ToBeVisibleAsync();
    }

    /// <summary>Answers whatever item is shown, by its type, and waits for the autosave.</summary>
    private static async Task AnswerCurrentAsync(IPage phone, bool waitForSave = true)
    {
        var type = await phone.Locator("#qtype").TextContentAsync() ?? "";
        if (type.Contains("填空", StringComparison.Ordinal))
        {
            await phone.Locator("#fill-text").FillAsync("记忆合金");
            await phone.Locator("#fill-text").PressAsync("Enter");
        }
        else if (type.Contains("排序", StringComparison.Ordinal))
        {
            for (var i = 0; i < 4; i++)
            {
                await phone.Locator(".answer:not(.chosen)").First.ClickAsync();
            }
        }
        else
        {
            await phone.Locator(".answer").First.ClickAsync();
        }
        if (waitForSave)
        {
            await Expect(phone.Locator("#save-state")).ToHaveTextAsync("已保存");
        }
    }
}
