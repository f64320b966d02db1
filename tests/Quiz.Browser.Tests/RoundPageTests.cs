using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The online round page on a server whose clock the test drives: the personal code after '#', a reload back at the
/// item it was on, the results appearing by themselves when released, one's own paper reviewed, a late visitor with no
/// live 开始答题, and large text with read-aloud.
/// </summary>
public sealed class RoundPageTests
{
    [BrowserFact]
    public async Task A_round_resumes_at_its_item_shows_the_released_results_by_itself_and_the_paper_to_review()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = BrowserServer.Start(nameof(RoundPageTests), null, services => services.AddSingleton<TimeProvider>(clock));
        var round = await Rounds.CreateAsync(server, 600, "AtClose", review: true, now: clock.GetUtcNow());
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress, 414, 896);
        await phone.AddInitScriptAsync("""
            window.__spoken = [];
            Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
              getVoices: () => [{ name: 'stub', lang: 'zh-CN' }], speak: u => window.__spoken.push(u.text), cancel() {}, addEventListener() {} } });
            window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
            """);
        var checks = (await PageChecks.AttachAsync(phone))
            .Allow("status of 404"); // GET …/attempt answers 404 before a start, by design (docs/protocol.md), and the browser logs it

        await phone.GotoAsync($"/round?c={round.ContestId}#code={Uri.EscapeDataString(round.Code)}");
        await Expect(phone.Locator("#start")).ToBeEnabledAsync();
        Assert.DoesNotContain("code", phone.Url, StringComparison.Ordinal); // the code left the address bar (and never went to the server)
        Assert.DoesNotContain("#", phone.Url, StringComparison.Ordinal);
        await phone.Locator("#hc-switch").ClickAsync();
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone));
        await phone.Locator("#start").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 1 / 3 题");
        Assert.Empty(await Layout.LargeTextShortfallsAsync(phone));
        await Screenshots.TakeAsync(phone, "70-round-large-text");
        await phone.Locator("#read-aloud").ClickAsync();
        var stem = await phone.Locator("#stem").TextContentAsync();
        Assert.StartsWith(stem!, Assert.Single(await phone.EvaluateAsync<string[]>("window.__spoken")), StringComparison.Ordinal);
        await phone.Locator("#hc-switch").ClickAsync(); // back to standard: the page checks switch it on themselves

        await AnswerCurrentAsync(phone);
        await phone.Locator("#next").ClickAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 3 题");
        await phone.ReloadAsync();
        await Expect(phone.Locator("#progress")).ToHaveTextAsync("第 2 / 3 题"); // back where it was, not at item 1
        await checks.RunAsync("round paper", "71-round-paper");
        await AnswerCurrentAsync(phone);

        phone.Dialog += (_, dialog) => dialog.AcceptAsync();
        await phone.Locator("#submit").ClickAsync();
        await Expect(phone.Locator("#done-note")).ToContainTextAsync("竞赛结束后公布");
        await Expect(phone.Locator("#result")).Not.ToContainTextAsync("总分");
        await Expect(phone.Locator("#review-open")).ToBeHiddenAsync();

        clock.Advance(TimeSpan.FromHours(2)); // the window closes: results are released; the page notices by itself
        await Expect(phone.Locator("#result")).ToContainTextAsync("总分");
        await Expect(phone.Locator("#result")).ToContainTextAsync("第 1 名 / 共 1 人");
        await phone.Locator("#review-open").ClickAsync();
        await Expect(phone.Locator("#review-items > li")).ToHaveCountAsync(3);
        await Expect(phone.Locator("#review-items")).ToContainTextAsync("正确答案：");
        await Expect(phone.Locator("#review-items")).ToContainTextAsync("解析");
        await Expect(phone.Locator("#review-items")).ToContainTextAsync("本题未作答"); // the item left open says so
        await checks.RunAsync("round review", "72-round-review");

        // Someone who comes after the close, with a link of the old form (?code=): no live 开始答题.
        var late = await browser.PhoneAsync(server.BaseAddress);
        await late.GotoAsync($"/round?c={round.ContestId}&code={Uri.EscapeDataString(round.Second)}");
        await Expect(late.Locator("#intro-status")).ToHaveTextAsync("竞赛已截止。");
        Assert.DoesNotContain("code=", late.Url, StringComparison.Ordinal);
        await Expect(late.Locator("#start")).ToBeHiddenAsync();
        await Screenshots.TakeAsync(late, "73-round-late-visitor");
    }

    /// <summary>Answers the item shown, by its type, and waits for the autosave.</summary>
    private static async Task AnswerCurrentAsync(Microsoft.Playwright.IPage phone)
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
        await Expect(phone.Locator("#save-state")).ToHaveTextAsync("已保存");
    }
}
