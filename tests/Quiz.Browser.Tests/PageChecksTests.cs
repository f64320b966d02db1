using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using Xunit.Sdk;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The page checks catch what they are for: each fault is put into a clean page (/) and must make the check fail
/// with the fault named, so a page that passes is known to be clean rather than unchecked.
/// </summary>
public sealed class PageChecksTests
{
    [BrowserFact]
    public async Task Each_kind_of_fault_makes_the_page_checks_fail_and_names_it()
    {
        await using var server = BrowserServer.Start(nameof(PageChecksTests));
        await using var browser = await BrowserSession.LaunchAsync();
        var page = await browser.DesktopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(page);
        await page.GotoAsync("/");
        await Expect(page.Locator(".pages a")).ToHaveCountAsync(6);
        await checks.RunAsync("clean");

        async Task FailsWith(string fault, string expected)
        {
            await page.ReloadAsync();
            await Expect(page.Locator(".pages a")).ToHaveCountAsync(6);
            await page.EvaluateAsync(fault);
            var failure = await Assert.ThrowsAsync<TrueException>(() => checks.RunAsync("with a fault"));
            Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        }

        await FailsWith("document.querySelector('main').append(Object.assign(document.createElement('button'), { textContent: 'Go', style: 'background:#ffd400;color:#fff3a0' }))",
            "high contrast: button \"Go\"");
        await FailsWith("document.querySelector('main').append(Object.assign(document.createElement('p'), { textContent: '题库' }))",
            "en: \"题库\" is the other language's text");
        await FailsWith("document.querySelector('main').append(Object.assign(document.createElement('p'), { textContent: 'Log in' }))",
            "zh-CN: \"Log in\" is the other language's text");
        await FailsWith("document.querySelector('main').append(Object.assign(document.createElement('div'), { id: 'wide', style: 'width:2000px;height:10px' }))",
            "overflow (zh-CN, standard): the page is");
        await FailsWith("document.body.append(Object.assign(document.createElement('script'), { textContent: 'window.inline = 1' }))",
            "CSP violation: script-src-elem blocked inline");
        await FailsWith("(() => { const b = document.createElement('b'); b.addEventListener('x', () => { throw new Error('boom'); }); b.dispatchEvent(new Event('x')); })()",
            "script error: ");
    }
}
