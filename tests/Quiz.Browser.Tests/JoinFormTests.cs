using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>On venue Wi-Fi the connection comes and goes while someone is still filling in the join form.</summary>
public sealed class JoinFormTests
{
    [BrowserFact]
    public async Task Someone_typing_while_the_page_reconnects_keeps_their_place()
    {
        await using var server = BrowserServer.Start(nameof(JoinFormTests));
        // Teams typed in by participants, where the organizer allows it: the team field is a text field then.
        var contest = await Contests.CreateWithGroupsAsync(server, new { timeLimitSeconds = 60, points = 100 }, new { freeTeams = true }, "q-single");
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);
        // Keeps the page's sockets reachable, so the test can drop them as a flaky network would.
        await phone.AddInitScriptAsync(
            "window.testSockets = []; const Real = WebSocket; " +
            "window.WebSocket = class extends Real { constructor(...a) { super(...a); window.testSockets.push(this); } };");
        await phone.GotoAsync($"/play?code={contest.JoinCode}");
        await Expect(phone.Locator("#code")).ToHaveValueAsync(contest.JoinCode);
        await phone.Locator("#nickname").FillAsync("张阿姨");
        await Expect(phone.Locator("#join-contest")).ToContainTextAsync("全民科学素质知识竞赛"); // the choices have arrived
        await phone.Locator("#more summary").ClickAsync();
        await phone.Locator("#team").ClickAsync();

        // The network drops and comes back while the person is in the team field; the page sets itself up again.
        await phone.EvaluateAsync("window.testSockets.forEach(s => s.close())");
        for (var tries = 0; !await phone.EvaluateAsync<bool>("window.testSockets.length === 2 && window.testSockets[1].readyState === 1"); tries++)
        {
            Assert.True(tries < 100, "the page did not reconnect within 10 s");
            await phone.WaitForTimeoutAsync(100);
        }
        await phone.WaitForTimeoutAsync(1000); // the clock sync after the reconnection, then the page's "up" handling
        await phone.Keyboard.InsertTextAsync("红队");

        await Expect(phone.Locator("#nickname")).ToHaveValueAsync("张阿姨");
        await Expect(phone.Locator("#team")).ToHaveValueAsync("红队");
        await phone.Locator("#join-button").ClickAsync();
        await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        await Expect(phone.Locator("#hello")).ToContainTextAsync("张阿姨");
    }

    [BrowserFact]
    public async Task Joining_before_the_page_has_connected_waits_for_the_connection_instead_of_failing()
    {
        await using var server = BrowserServer.Start(nameof(JoinFormTests));
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, "q-single");
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);
        // The hub cannot be reached until the test lets it (its sockets go to a path that does not exist meanwhile).
        await phone.AddInitScriptAsync(
            "window.blockHub = true; const Real = WebSocket; " +
            "window.WebSocket = class extends Real { constructor(url, p) { super(window.blockHub ? url.replace('/hubs/', '/blocked/') : url, p); } };");
        await phone.GotoAsync($"/play?code={contest.JoinCode}");
        await phone.Locator("#code").FillAsync(contest.JoinCode);
        await phone.Locator("#nickname").FillAsync("周大伯");
        await phone.Locator("#join-button").ClickAsync();
        await phone.WaitForTimeoutAsync(1500);
        await Expect(phone.Locator("#join-error")).ToBeHiddenAsync();

        await phone.EvaluateAsync("window.blockHub = false");
        await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        await Expect(phone.Locator("#hello")).ToContainTextAsync("周大伯");
    }
}

