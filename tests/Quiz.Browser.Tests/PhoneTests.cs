using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The phone page at 360x740 and 414x896 through a game: each question from the top, one's own picks at the reveal,
/// standings only once there are some, plain words, "reconnecting" at once, English throughout, large text for older
/// participants and the question read aloud.
/// </summary>
public sealed class PhoneTests
{
    /// <summary>A stand-in for the browser's speech synthesis (headless chromium has no voices): it records what it is asked to say.</summary>
    private const string SpeechStub = """
        window.__spoken = [];
        const voices = window.__noVoices ? [] : [{ name: 'stub', lang: 'zh-CN', default: true, localService: true, voiceURI: 'stub' }];
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          getVoices: () => voices, speak: u => window.__spoken.push(u.text), cancel() {}, addEventListener() {}, removeEventListener() {} } });
        window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
        """;

    [BrowserFact]
    public async Task A_phone_starts_each_question_at_the_top_shows_its_own_picks_and_says_everything_in_plain_words()
    {
        await using var server = BrowserServer.Start(nameof(PhoneTests));
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100, streakBonus = 10 }, "q-single", "q-multi", "q-fill", "q-tf");
        await using var browser = await BrowserSession.LaunchAsync();
        var (host, phone) = await Contests.HostAndPhoneAsync(browser, server, contest, "张阿姨");
        var checks = (await PageChecks.AttachAsync(phone))
            .Allow("Handshake was canceled").Allow("Connection disconnected with error"); // SignalR's own log of the network cut below
        await phone.ReloadAsync(); // the checks listen from the page's start
        await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        var crowd = await browser.PhoneAsync(server.BaseAddress);
        await crowd.GotoAsync("/play");
        await Crowd.JoinAsync(crowd, contest.JoinCode, new Crowd.Person("李老师"), new Crowd.Person("王师傅"), new Crowd.Person("赵大爷"));

        // No standing before there is one: not "第 1 名 / 共 1 人" from the moment of joining.
        await Expect(phone.Locator("#lobby-count")).ToContainTextAsync("大屏幕");
        await Expect(phone.Locator("#standing")).ToBeHiddenAsync();
        await host.Keyboard.PressAsync("s");
        await Expect(phone.Locator(".answer").First).ToBeEnabledAsync();
        await Expect(phone.Locator("#standing")).ToBeHiddenAsync();
        await phone.Locator(".answer", new() { HasText = "2060年" }).ClickAsync();
        await Crowd.AnswerAsync(crowd, 0, [0], [0], [1]); // all three wrong: the phone alone is first, whatever the times
        await host.Keyboard.PressAsync("c");
        await Expect(phone.Locator("#countdown")).ToHaveTextAsync("时间到");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#stats")).ToContainTextAsync("第 1 名 / 共 4 人");
        await Expect(phone.Locator("#verdict")).ToContainTextAsync("答对 1 人 / 作答 4 人");
        await checks.RunAsync("phone reveal", "60-phone-reveal");

        // The reveal was read to its end; the next question starts at the top, number and clock in view.
        await ScrollToBottomAsync(phone);
        await host.Keyboard.PressAsync("n");
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 4 题");
        await Expect(phone.Locator(".answer").First).ToBeEnabledAsync();
        Assert.Equal(0, await phone.EvaluateAsync<double>("window.scrollY"));
        Assert.True(await Layout.InViewAsync(phone.Locator("#countdown")));
        foreach (var option in new[] { "二氧化碳", "甲烷", "氧化亚氮" })
        {
            await phone.Locator(".answer", new() { HasText = option }).ClickAsync();
        }
        await phone.Locator("#confirm").ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        // A multiple-choice reveal marks one's own picks in words, and says them under the verdict.
        await Expect(phone.Locator(".answer .mine")).ToHaveCountAsync(3);
        await Expect(phone.Locator("#verdict .mine-line")).ToContainTextAsync("您的答案：");
        await Expect(phone.Locator("#verdict .mine-line")).ToContainTextAsync("氧化亚氮");
        // Two right in a row: said in words (an emoji shows as an empty box on phones without its font).
        await Expect(phone.Locator("#stats")).ToContainTextAsync("连对");
        await Expect(phone.Locator("#stats")).ToContainTextAsync("2 题");
        Assert.DoesNotContain("🔥", await phone.Locator("#stats").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(phone, "61-phone-multiple-reveal");

        // Paused while scrolled down: the notice is at the top, and the page goes there.
        await host.Keyboard.PressAsync("n");
        await Expect(phone.Locator("#fill-text")).ToBeEnabledAsync();
        var gap = await phone.EvaluateAsync<double>("() => document.querySelector('#fill-submit').getBoundingClientRect().top - document.querySelector('#fill-text').getBoundingClientRect().bottom");
        Assert.True(gap >= 8, $"the fill-in field and its button are {gap} px apart");
        await ScrollToBottomAsync(phone);
        await host.Keyboard.PressAsync("p");
        await Expect(phone.Locator("#countdown")).ToHaveTextAsync("已暂停");
        Assert.True(await Layout.InViewAsync(phone.Locator("#countdown")), "the pause notice is in view");
        await Screenshots.TakeAsync(phone, "62-phone-paused");
        await host.Keyboard.PressAsync("p");
        await Expect(phone.Locator("#fill-text")).ToBeEnabledAsync();

        // The network goes: "reconnecting" shows at once (not after the 30 s the socket takes to notice), then the
        // phone carries on.
        await phone.Context.SetOfflineAsync(true);
        await Expect(phone.Locator("#reconnecting")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Screenshots.TakeAsync(phone, "63-phone-reconnecting");
        await phone.Context.SetOfflineAsync(false);
        await Expect(phone.Locator("#reconnecting")).ToBeHiddenAsync();
        await phone.Locator("#fill-text").FillAsync("钛镍记忆合金");
        await phone.Locator("#fill-submit").ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#verdict .headline")).ToContainTextAsync("回答正确");

        // English: the true/false options, the key and the verdict, with no Chinese word of the page's own left.
        await phone.Locator("#lang-switch").ClickAsync();
        await host.Keyboard.PressAsync("n");
        await Expect(phone.Locator(".answer", new() { HasText = "False" })).ToBeEnabledAsync();
        await Expect(phone.Locator(".answer", new() { HasText = "True" })).ToBeVisibleAsync();
        await phone.Locator(".answer", new() { HasText = "False" }).ClickAsync();
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#verdict .key")).ToHaveTextAsync("Answer: False");
        var words = await phone.Locator("#answers").InnerTextAsync() + await phone.Locator("#verdict .headline").InnerTextAsync();
        Assert.DoesNotContain("正确", words, StringComparison.Ordinal);
        Assert.DoesNotContain("错误", words, StringComparison.Ordinal);
        await checks.RunAsync("phone, English, true/false revealed", "64-phone-english-truefalse");
    }

    [BrowserFact]
    public async Task Large_text_meets_the_guidance_for_older_people_and_the_question_is_read_aloud()
    {
        await using var server = BrowserServer.Start(nameof(PhoneTests) + "-large");
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, "q-single", "q-order");
        await using var browser = await BrowserSession.LaunchAsync();
        var host = await browser.HostLaptopAsync(server.BaseAddress);
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        var phone = await browser.PhoneAsync(server.BaseAddress, 414, 896);
        await phone.AddInitScriptAsync(SpeechStub);
        var silent = await browser.PhoneAsync(server.BaseAddress);
        await silent.AddInitScriptAsync("window.__noVoices = true;" + SpeechStub);
        foreach (var (page, name) in new[] { (phone, "孙奶奶"), (silent, "周大伯") })
        {
            await page.GotoAsync($"/play?code={contest.JoinCode}");
            await page.Locator("#nickname").FillAsync(name);
            await page.Locator("#join-button").ClickAsync();
            await Expect(page.Locator("#lobby")).ToBeVisibleAsync();
        }
        await phone.Locator("#hc-switch").ClickAsync();
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone));

        await host.Keyboard.PressAsync("s");
        await Expect(phone.Locator(".answer").First).ToBeEnabledAsync();
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone));
        await Screenshots.TakeAsync(phone, "65-phone-large-text-414");
        // The countdown is the round's own: 60 s, not shortened by the page.
        await Expect(phone.Locator("#countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"剩余 (60|5\d) 秒"));

        await phone.Locator("#read-aloud").ClickAsync();
        var spoken = await phone.EvaluateAsync<string[]>("window.__spoken");
        var said = Assert.Single(spoken);
        Assert.StartsWith("我国提出力争在哪一年前实现碳中和？", said, StringComparison.Ordinal);
        Assert.Contains("选项A，", said, StringComparison.Ordinal);
        Assert.Contains("2060年", said, StringComparison.Ordinal);
        await Expect(silent.Locator(".answer").First).ToBeEnabledAsync();
        await Expect(silent.Locator("#read-aloud")).ToBeHiddenAsync(); // no Chinese voice on that device: no button

        await phone.Locator(".answer", new() { HasText = "2060年" }).ClickAsync();
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#verdict")).ToBeVisibleAsync();
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone));
        await host.Keyboard.PressAsync("n");
        await Expect(phone.Locator(".answer").First).ToBeEnabledAsync();
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone)); // ordering: its reset and confirm buttons too
        await Screenshots.TakeAsync(phone, "66-phone-large-text-ordering");
    }

    /// <summary>Scrolls to the bottom, with room below the page's own end so even a short view can be scrolled away from the top.</summary>
    private static async Task ScrollToBottomAsync(IPage phone)
    {
        await phone.EvaluateAsync("document.getElementById('test-spacer') ?? document.body.insertAdjacentHTML('beforeend', '<div id=\"test-spacer\" style=\"height:1200px\"></div>')");
        await phone.EvaluateAsync("window.scrollTo(0, document.documentElement.scrollHeight)");
        Assert.True(await phone.EvaluateAsync<double>("window.scrollY") > 0, "the page is longer than the screen");
    }
}
