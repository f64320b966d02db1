using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>A stage contest in real pages: the host console's buzzer and judge buttons, two teams' buzzer pages, the big screen's team scores.</summary>
public sealed class StageContestTests
{
    [BrowserFact]
    public async Task Host_opens_the_buzzer_a_team_buzzes_and_the_judged_score_reaches_the_screen()
    {
        await using var server = BrowserServer.Start(nameof(StageContestTests));
        var stage = new
        {
            teams = new[] { new { name = "西湖队", members = new[] { "甲", "乙", "丙" } }, new { name = "滨江队", members = new[] { "丁", "戊", "己" } } },
            baseScore = 100,
            segments = new[] { new { kind = "Buzz", points = 20, wrongDeduction = 10, earlyBuzzPenalties = new[] { 10, 20 }, buzzWindowSeconds = 30 } },
        };
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, stage, "q-single", "q-tf");
        await using var browser = await BrowserSession.LaunchAsync();

        var host = await browser.LaptopAsync(server.BaseAddress);
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Expect(host.Locator("#stage")).ToBeVisibleAsync();
        await host.Locator("#seats-box summary").ClickAsync();
        var links = host.Locator("#seats a");
        await Expect(links).ToHaveCountAsync(2);
        var seatLinks = new[] { await links.Nth(0).GetAttributeAsync("href"), await links.Nth(1).GetAttributeAsync("href") };

        var screen = await browser.ProjectorAsync(server.BaseAddress);
        await screen.GotoAsync($"/screen?code={contest.JoinCode}");
        await Expect(screen.Locator("#stage .team-tile")).ToHaveCountAsync(2);

        var teams = new List<IPage>();
        foreach (var link in seatLinks)
        {
            var page = await browser.PhoneAsync(server.BaseAddress);
            await page.GotoAsync(link!);
            await Expect(page.Locator("#seat")).ToBeVisibleAsync();
            teams.Add(page);
        }
        await Expect(teams[1].Locator("#seat-name")).ToHaveTextAsync("本机席位：滨江队");

        await host.Keyboard.PressAsync("s");
        await Expect(host.Locator("#stage-phase")).ToContainTextAsync("读题中");
        await teams[1].Locator("#buzz").ClickAsync(); // too early
        await Expect(teams[1].Locator("#result")).ToHaveTextAsync("提前抢答！扣 10 分");
        await host.Keyboard.PressAsync("a");
        await Expect(teams[0].Locator("#buzz.armed")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(teams[0], "stage-01-buzzer-armed");
        await teams[0].Locator("#buzz").ClickAsync();
        await Expect(host.Locator("#stage-phase")).ToContainTextAsync("西湖队 答题");
        await Expect(host.Locator("#buzz-order li")).ToHaveCountAsync(1);
        await Expect(teams[0].Locator("#result")).ToHaveTextAsync("抢到了！请作答");
        await Expect(teams[1].Locator("#result")).ToHaveTextAsync("西湖队 抢到");
        await Screenshots.TakeAsync(host, "stage-02-host-judging");
        await host.Keyboard.PressAsync("y");
        await Expect(screen.Locator("#stage .team-tile").Nth(0).Locator(".team-score")).ToHaveTextAsync("120");
        await Expect(screen.Locator("#stage .team-tile").Nth(1).Locator(".team-score")).ToHaveTextAsync("90");
        await Screenshots.TakeAsync(screen, "stage-03-screen-team-scores");

        await host.Locator("#correct-team").SelectOptionAsync("1");
        await host.Locator("#correct-value").FillAsync("5");
        await host.Locator("#correct-reason").FillAsync("评委复核");
        await host.Locator("#correct-form button[type=submit]").ClickAsync();
        await Expect(screen.Locator("#stage .team-tile").Nth(1).Locator(".team-score")).ToHaveTextAsync("95");
    }

    [BrowserFact]
    public async Task The_screen_names_the_teams_in_a_tie_break_and_then_its_winner()
    {
        await using var server = BrowserServer.Start(nameof(StageContestTests) + "-tiebreak");
        var stage = new
        {
            teams = new[]
            {
                new { name = "上城队", members = new[] { "甲" } }, new { name = "拱墅队", members = new[] { "乙" } }, new { name = "余杭队", members = new[] { "丙" } },
            },
            baseScore = 100,
            segments = new object?[] { new { kind = "Required", points = 10 }, new { kind = "Tiebreak", points = 10, wrongDeduction = 0, buzzWindowSeconds = 30 } },
        };
        // Round 1 gives 上城队 and 余杭队 10 each (拱墅队's answer is judged wrong), so they are level at the top.
        var contest = await Contests.CreateRoundsAsync(server, new { timeLimitSeconds = 60, points = 100 }, stage, [["q-single", "q-tf", "q-multi"], ["q-fill"]]);
        await using var browser = await BrowserSession.LaunchAsync();
        var host = await browser.LaptopAsync(server.BaseAddress);
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Expect(host.Locator("#stage")).ToBeVisibleAsync();
        var screen = await browser.ProjectorAsync(server.BaseAddress);
        await screen.GotoAsync($"/screen?code={contest.JoinCode}");
        await Expect(screen.Locator("#stage .team-tile")).ToHaveCountAsync(3);

        await host.Keyboard.PressAsync("s");
        foreach (var (team, right) in new[] { ("上城队", true), ("拱墅队", false), ("余杭队", true) })
        {
            await Expect(host.Locator("#stage-phase")).ToContainTextAsync($"{team} 答题");
            await host.Keyboard.PressAsync(right ? "y" : "x");
            await Expect(host.Locator("#stage-phase")).Not.ToContainTextAsync($"{team} 答题");
            await host.Keyboard.PressAsync("c");
            await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
            await host.Keyboard.PressAsync("n");
        }

        await Expect(screen.Locator("#stage-phase")).ToContainTextAsync("并列第一加赛：上城队、余杭队");
        await Screenshots.TakeAsync(screen, "stage-04-screen-tie-break");
        await host.Keyboard.PressAsync("a");
        var seat = await browser.PhoneAsync(server.BaseAddress);
        await host.Locator("#seats-box summary").ClickAsync();
        await seat.GotoAsync((await host.Locator("#seats a").Nth(2).GetAttributeAsync("href"))!);
        await Expect(seat.Locator("#buzz.armed")).ToBeVisibleAsync();
        await seat.Locator("#buzz").ClickAsync();
        await Expect(host.Locator("#stage-phase")).ToContainTextAsync("余杭队 答题");
        await host.Keyboard.PressAsync("y");
        await Expect(screen.Locator("#stage-phase")).ToContainTextAsync("胜出：余杭队");
        await Expect(screen.Locator("#stage-phase")).Not.ToContainTextAsync("并列第一加赛");
    }
}
