using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>A phone that reloads mid-question comes back to the same question, its time left and its answer, silently.</summary>
public sealed class ReconnectionTests
{
    [BrowserFact]
    public async Task A_reloaded_phone_keeps_its_question_time_and_answer()
    {
        await using var server = BrowserServer.Start(nameof(ReconnectionTests));
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, "q-single", "q-tf");
        await using var browser = await BrowserSession.LaunchAsync();
        var (host, phone) = await Contests.HostAndPhoneAsync(browser, server, contest, "赵大爷");

        await host.Keyboard.PressAsync("s");
        await phone.Locator(".answer", new() { HasText = "2060年" }).ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");

        // Reload: a new page, a new connection; Rejoin with the stored token redraws everything.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#stem")).ToHaveTextAsync("我国提出力争在哪一年前实现碳中和？");
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await Expect(phone.Locator(".answer.chosen")).ToContainTextAsync("2060年");
        await Expect(phone.Locator("#countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"剩余 (5\d|4\d) 秒"));
        await Expect(phone.Locator("#join")).ToBeHiddenAsync();
        await Screenshots.TakeAsync(phone, "15-phone-after-reload");

        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#verdict .headline")).ToContainTextAsync("回答正确");
        await Expect(phone.Locator("#stats")).ToContainTextAsync("100");

        // The network drops on the next question: the banner shows, then the phone answers as if nothing happened.
        await host.Keyboard.PressAsync("n");
        await Expect(phone.Locator(".answer", new() { HasText = "错误" })).ToBeEnabledAsync();
        await phone.Context.SetOfflineAsync(true);
        await phone.ReloadAsync(new() { Timeout = 3000 }).ContinueWith(_ => { }); // offline: the reload itself fails
        await phone.Context.SetOfflineAsync(false);
        await phone.ReloadAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 2 题");
        await phone.Locator(".answer", new() { HasText = "错误" }).ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await Expect(phone.Locator("#stats")).ToContainTextAsync("100");
    }
}
