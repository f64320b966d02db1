using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The big screen at 1920x1080 with the longest texts the limits allow, through every phase of a quick contest and a
/// stage contest: nothing leaves the screen, the sizes stated in docs/architecture.md hold, and the page checks pass.
/// </summary>
public sealed class ProjectorTests
{
    [BrowserFact]
    public async Task A_quick_contest_with_the_longest_texts_fits_the_projector_in_every_phase()
    {
        await using var server = BrowserServer.Start(nameof(ProjectorTests) + "-quick");
        var contest = await Contests.CreateRoundsAsync(server, new { timeLimitSeconds = 120, points = 100 }, null, [["long-order", "five", "limits"]], LongTexts.Json,
            new { teams = Enumerable.Range(1, 3).Select(Team).ToArray() });
        await using var browser = await BrowserSession.LaunchAsync();
        var host = await browser.HostLaptopAsync(server.BaseAddress);
        host.Dialog += (_, dialog) => dialog.AcceptAsync();
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        var screen = await browser.ProjectorAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(screen);
        await screen.GotoAsync($"/screen?code={contest.JoinCode}");
        await Expect(screen.Locator("#joined")).ToHaveTextAsync("已加入 0 人");

        // Twelve people join after the screen is up: its lobby count follows (joins are not pushed; the screen asks).
        var crowd = await browser.PhoneAsync(server.BaseAddress);
        await crowd.GotoAsync("/play");
        var people = Enumerable.Range(1, 12).Select(i => new Crowd.Person($"{i:D2}号观众的昵称可以长达二十个字符哦", Team(i % 3 + 1), i % 2 == 0 ? "西湖区" : "临平区")).ToArray();
        Assert.Equal(12, await Crowd.JoinAsync(crowd, contest.JoinCode, people));
        await Expect(screen.Locator("#joined")).ToHaveTextAsync("已加入 12 人");
        await Layout.AssertFitsAsync(screen, "lobby");
        await checks.RunAsync("screen lobby", "40-screen-lobby");

        await host.Keyboard.PressAsync("s");
        await Expect(screen.Locator("#stem")).ToContainTextAsync("突发心脏骤停");
        await Layout.AssertFitsAsync(screen, "long ordering question, open");
        await Screenshots.TakeAsync(screen, "41-screen-long-question");
        await Crowd.AnswerAsync(crowd, 0, [.. Enumerable.Range(0, 12).Select(i => i % 2 == 0 ? new[] { 0, 1, 2, 3, 4, 5, 6, 7 } : new[] { 1, 0, 2, 3, 4, 5, 6, 7 })]);
        await Expect(screen.Locator("#count")).ToHaveTextAsync("已作答 12 / 12");

        await host.Keyboard.PressAsync("c");
        await Expect(screen.Locator("#countdown")).ToHaveTextAsync("时间到"); // said at the close, before the reveal
        await Layout.AssertFitsAsync(screen, "closed");
        await host.Keyboard.PressAsync("r");
        await Expect(screen.Locator("#explanation")).ToContainTextAsync("心肺复苏的关键");
        await Expect(screen.Locator("#chart canvas")).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(screen, "long ordering answer with its 解析, revealed");
        await checks.RunAsync("screen reveal of a long ordering answer", "42-screen-long-reveal");

        await host.Keyboard.PressAsync("b");
        await Expect(screen.Locator("#persons tr")).ToHaveCountAsync(11); // a head row and the top ten
        await Layout.AssertFitsAsync(screen, "board");
        // Read from the back of the hall: rows of 25 px or more, and the board uses the height it has (not 40% of it).
        var rows = await Layout.SmallestFontAsync(screen, "#persons td");
        Assert.True(rows >= 25, $"board rows at {rows} px");
        var used = await screen.EvaluateAsync<double>("() => { const m = document.querySelector('main').getBoundingClientRect(); return (document.querySelector('#persons').getBoundingClientRect().bottom - m.top) / m.height; }");
        Assert.True(used >= 0.7, $"the board fills {used:P0} of the screen's height");
        Assert.DoesNotContain(".", await screen.Locator("#persons").InnerTextAsync()); // whole points stay whole: 100, never 100.00
        await checks.RunAsync("screen board", "43-screen-board");

        await host.Keyboard.PressAsync("n");
        await Expect(screen.Locator("#options li")).ToHaveCountAsync(5);
        await Crowd.AnswerAsync(crowd, 1, [.. Enumerable.Range(0, 12).Select(i => new[] { i % 5 })]);
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(screen.Locator("#chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("E\\. 2045年前完成能源结构转型: 2"));
        Assert.Empty(await ChartLabelOverlapsAsync(screen)); // five long labels, none over another
        await Layout.AssertFitsAsync(screen, "five options revealed");
        await Screenshots.TakeAsync(screen, "44-screen-five-options");

        await host.Keyboard.PressAsync("n");
        await Expect(screen.Locator("#options li")).ToHaveCountAsync(8);
        await Layout.AssertFitsAsync(screen, "a question at every length limit, open");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(screen.Locator("#explanation")).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(screen, "a question at every length limit, revealed");
        await Screenshots.TakeAsync(screen, "45-screen-limits-reveal");

        await host.Keyboard.PressAsync("e");
        await Expect(screen.Locator("#podium .step")).ToHaveCountAsync(3);
        await Layout.AssertFitsAsync(screen, "end");
        var names = await Layout.SmallestFontAsync(screen, "#podium .name");
        Assert.True(names >= 34, $"podium names at {names} px");
        await checks.RunAsync("screen podium", "46-screen-podium");
    }

    [BrowserFact]
    public async Task A_stage_contest_of_sixteen_teams_fits_and_ends_on_the_teams_ranking_before_the_audience()
    {
        await using var server = BrowserServer.Start(nameof(ProjectorTests) + "-stage");
        var stage = new
        {
            teams = LongTexts.SixteenTeams(),
            baseScore = 100,
            segments = new object?[] { new { kind = "Required", points = 10 }, new { kind = "Tiebreak", points = 10, wrongDeduction = 0, buzzWindowSeconds = 60 } },
        };
        var contest = await Contests.CreateRoundsAsync(server, new { timeLimitSeconds = 120, points = 100 }, stage, [["long-order", "five", "limits"], ["tie"]], LongTexts.Json);
        await using var browser = await BrowserSession.LaunchAsync();
        var host = await browser.HostLaptopAsync(server.BaseAddress);
        host.Dialog += (_, dialog) => dialog.AcceptAsync();
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Expect(host.Locator("#stage")).ToBeVisibleAsync();
        await host.Locator("#seats-box summary").ClickAsync();
        await Expect(host.Locator("#seats code")).ToHaveCountAsync(16);
        var seatCodes = await host.Locator("#seats code").AllTextContentsAsync();
        var screen = await browser.ProjectorAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(screen);
        await screen.GotoAsync($"/screen?code={contest.JoinCode}");
        await Expect(screen.Locator("#stage .team-tile")).ToHaveCountAsync(16);
        await Layout.AssertFitsAsync(screen, "stage lobby");

        // The audience gives no team or district; 2号队's buzzer is a real page, 1号队 buzzes from the crowd's page.
        var crowd = await browser.PhoneAsync(server.BaseAddress);
        await crowd.GotoAsync("/play");
        await Crowd.JoinAsync(crowd, contest.JoinCode, new Crowd.Person("观众甲"), new Crowd.Person("观众乙"), new Crowd.Person("观众丙"));
        await Crowd.SeatAsync(crowd, contest.ContestId, seatCodes[0]);
        var buzzer = await browser.PhoneAsync(server.BaseAddress);
        var buzzerChecks = (await PageChecks.AttachAsync(buzzer));
        await buzzer.GotoAsync($"/buzz#contest={contest.ContestId}&seat={seatCodes[1]}");
        await Expect(buzzer.Locator("#seat")).ToBeVisibleAsync();
        var looks = new Dictionary<string, (string Text, string Background)>();

        // 必答: 1号队 and 2号队 right, 3号队 wrong: 1号队 and 2号队 tie at the top.
        await host.Keyboard.PressAsync("s");
        foreach (var (seq, right) in new[] { (0, true), (1, true), (2, false) })
        {
            await Expect(host.Locator("#stage-phase")).ToContainTextAsync($"{seq + 1}号队");
            int[][] right0 = [[0, 1, 2, 3, 4, 5, 6, 7], [1], [0]], wrong0 = [[1, 0, 2, 3, 4, 5, 6, 7], [0], [1]];
            await Crowd.AnswerAsync(crowd, seq, right0[seq], wrong0[seq], null);
            if (seq == 0)
            {
                looks["other answering"] = await LookAsync(buzzer);
            }
            if (seq == 1)
            {
                await Expect(buzzer.Locator("#buzz")).ToHaveTextAsync("请作答");
                looks["ours"] = await LookAsync(buzzer);
                await Layout.AssertFitsAsync(screen, "stage question open");
                await Screenshots.TakeAsync(screen, "47-screen-stage-question");
            }
            await host.Keyboard.PressAsync(right ? "y" : "x");
            await host.Keyboard.PressAsync("c");
            await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
            await host.Keyboard.PressAsync("r");
            await Expect(screen.Locator("#explanation")).ToBeVisibleAsync();
            await Layout.AssertFitsAsync(screen, $"stage reveal {seq}");
            if (seq == 0)
            {
                await Screenshots.TakeAsync(screen, "48-screen-stage-reveal");
                await host.Keyboard.PressAsync("b");
                await Expect(screen.Locator("#persons")).ToContainTextAsync("观众甲");
                // The audience gave no team and no district: no empty columns beside its board.
                await Expect(screen.Locator("#col-teams")).ToBeHiddenAsync();
                await Expect(screen.Locator("#col-districts")).ToBeHiddenAsync();
                await Layout.AssertFitsAsync(screen, "stage board");
                await checks.RunAsync("stage board", "49-screen-stage-board");
            }
            if (seq < 2)
            {
                await host.Keyboard.PressAsync("n");
            }
        }
        looks["done"] = await LookAsync(buzzer);

        // 加赛: the two teams at the top; 1号队 buzzes first and is judged right.
        await host.Keyboard.PressAsync("n");
        await Expect(screen.Locator("#stage-phase")).ToContainTextAsync("并列第一加赛");
        await Expect(buzzer.Locator("#buzz")).ToHaveTextAsync("读题中，请勿抢答");
        looks["ready"] = await LookAsync(buzzer);
        await Layout.AssertFitsAsync(screen, "tie-break");
        await Screenshots.TakeAsync(screen, "50-screen-tie-break");
        await host.Keyboard.PressAsync("a");
        await Expect(buzzer.Locator("#buzz.armed")).ToHaveTextAsync("抢答");
        looks["armed"] = await LookAsync(buzzer);
        await buzzerChecks.RunAsync("buzzer armed", "51-buzzer-armed");
        Assert.Equal("accepted", await Crowd.BuzzAsync(crowd));
        await Expect(host.Locator("#stage-phase")).ToContainTextAsync("1号队");
        await Expect(buzzer.Locator("#buzz")).ToContainTextAsync("答题中");
        await Expect(buzzer.Locator("#buzz")).ToBeDisabledAsync();
        await Screenshots.TakeAsync(buzzer, "52-buzzer-other-team-answering");
        await host.Keyboard.PressAsync("y");
        await Expect(screen.Locator("#stage-phase")).ToContainTextAsync("胜出");
        await Layout.AssertFitsAsync(screen, "tie-break decided");

        // Each phase of the buzzer looks different and says what it is in words.
        // (a closed buzzer is grey whether another team answers or the question is over; the words say which).
        Assert.Equal(looks.Count, looks.Values.Select(l => l.Text).Distinct().Count());
        Assert.Equal(4, new[] { "armed", "ready", "ours", "done" }.Select(k => looks[k].Background).Distinct().Count());
        Assert.Equal(looks["done"].Background, looks["other answering"].Background);

        // 3号队 gets 3 points by correction, so the podium has one team on each step.
        await host.Locator("#correct-team").SelectOptionAsync("2");
        await host.Locator("#correct-value").FillAsync("3");
        await host.Locator("#correct-reason").FillAsync("评委复核：补充回答完整");
        await host.Locator("#correct-form button[type=submit]").ClickAsync();
        await Expect(host.Locator("#correct-done")).ToContainTextAsync("现为 103 分");

        await host.Keyboard.PressAsync("e");
        await Expect(screen.Locator("#team-final")).ToBeVisibleAsync();
        await Expect(screen.Locator("#team-podium .p1 .name")).ToContainTextAsync("1号队");
        await Expect(screen.Locator("#team-podium .p1 .block")).ToHaveTextAsync("冠军");
        await Expect(screen.Locator("#team-podium .p2 .name")).ToContainTextAsync("2号队");
        await Expect(screen.Locator("#team-podium .p2 .block")).ToHaveTextAsync("亚军");
        await Expect(screen.Locator("#team-podium .p3 .block")).ToHaveTextAsync("季军");
        await Expect(screen.Locator("#team-rest li")).ToHaveCountAsync(13);
        await Expect(screen.Locator("#podium .p1 .name")).ToHaveTextAsync("观众甲");
        // The teams come first: left of (or above) the audience's podium.
        var teamsFirst = await screen.EvaluateAsync<bool>("() => { const a = document.querySelector('#team-final').getBoundingClientRect(), b = document.querySelector('#podium').getBoundingClientRect(); return a.right <= b.left + 1 || a.bottom <= b.top + 1; }");
        Assert.True(teamsFirst, "the teams' ranking comes before the audience's podium");
        await Screenshots.TakeAsync(screen, "53-screen-stage-end");
        await Layout.AssertFitsAsync(screen, "stage end");
        await checks.RunAsync("stage end", "53-screen-stage-end");
    }

    /// <summary>The buzzer button's words and colour as drawn now.</summary>
    private static async Task<(string Text, string Background)> LookAsync(IPage buzzer)
    {
        var look = await buzzer.Locator("#buzz").EvaluateAsync<string[]>("b => [b.textContent.trim(), getComputedStyle(b).backgroundColor]");
        return (look[0], look[1]);
    }

    /// <summary>Pairs of texts the reveal chart drew over each other (from the chart's own display list).</summary>
    private static Task<string[]> ChartLabelOverlapsAsync(IPage screen) => screen.EvaluateAsync<string[]>("""
        () => {
          const chart = echarts.getInstanceByDom(document.getElementById('chart'));
          const texts = chart.getZr().storage.getDisplayList()
            .filter(el => (el.type === 'text' || el.type === 'tspan') && el.style?.text && !el.ignore && !el.invisible)
            .map(el => { const r = el.getBoundingRect().clone(); if (el.transform) r.applyTransform(el.transform); return { t: el.style.text, r }; });
          const found = [];
          for (let i = 0; i < texts.length; i++)
            for (let j = i + 1; j < texts.length; j++) {
              const a = texts[i].r, b = texts[j].r;
              if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${texts[i].t} / ${texts[j].t}`);
            }
          if (texts.length < 5) found.push(`only ${texts.length} texts found`);
          return found;
        }
        """);

    /// <summary>A long team name, as the contest lists it (phones choose teams from the contest's list).</summary>
    private static string Team(int n) => $"第{n}队：杭州市余杭区未来科技城科普志愿者服务联合会";
}
