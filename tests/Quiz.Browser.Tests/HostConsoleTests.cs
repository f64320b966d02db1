using System.Net.Http.Json;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The host console on a 1366x768 laptop, beside a judge's console: the key and 解析 before the reveal, the stage panel
/// in view, the same count of right answers as the phones, and corrections confirmed and listed on every console.
/// </summary>
public sealed class HostConsoleTests
{
    [BrowserFact]
    public async Task Host_and_judge_see_the_key_before_the_reveal_and_every_correction_with_the_stage_panel_in_view()
    {
        await using var server = BrowserServer.Start(nameof(HostConsoleTests));
        var stage = new
        {
            teams = Enumerable.Range(1, 6).Select(i => new { name = $"第{i}代表队", members = new[] { "甲", "乙", "丙" } }).ToArray(),
            baseScore = 100,
            segments = new[] { new { kind = "Buzz", points = 20, wrongDeduction = 10, buzzWindowSeconds = 30 } },
        };
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, stage, "q-single", "q-tf");
        using (var http = server.CreateHttpClient())
        {
            var created = await http.PostAsJsonAsync("/api/accounts", new { userName = "judge.zhao", password = "a judge's long passphrase 23", roles = new[] { "judge" } });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        await using var browser = await BrowserSession.LaunchAsync();
        var host = await browser.HostLaptopAsync(server.BaseAddress);
        var checks = await PageChecks.AttachAsync(host);
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Expect(host.Locator("#stage")).ToBeVisibleAsync();
        var judge = await browser.HostLaptopAsync(server.BaseAddress);
        await judge.AddInitScriptAsync($"sessionStorage.setItem('quiz.admin.token', '{server.Token("judge.zhao", "judge")}')");
        await judge.GotoAsync($"/host#contest={contest.ContestId}");
        await Expect(judge.Locator("#stage")).ToBeVisibleAsync();

        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync($"/play?code={contest.JoinCode}");
        await phone.Locator("#nickname").FillAsync("张阿姨");
        await phone.Locator("#join-button").ClickAsync();
        await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
        await Crowd.JoinAsync(phone, contest.JoinCode, new Crowd.Person("李老师"), new Crowd.Person("王师傅"));

        await host.Keyboard.PressAsync("s");
        foreach (var console in new[] { host, judge })
        {
            // Before the reveal (the question is still open): the key and the 解析, beside the judge buttons, all in view.
            await Expect(console.Locator("#q-key-text")).ToHaveTextAsync("正确答案：C. 2060年");
            await Expect(console.Locator("#q-key-why")).ToContainTextAsync("2060年前实现碳中和");
            await Expect(console.Locator("#status")).ToHaveTextAsync("作答中");
            Assert.True(await Layout.InViewAsync(console.Locator("#stage-moves")), "the stage panel's buttons are in view at 1366x768");
            Assert.True(await Layout.InViewAsync(console.Locator("#q-key")), "the key is in view at 1366x768");
        }
        await Screenshots.TakeAsync(host, "55-host-stage-key-before-reveal");
        await Screenshots.TakeAsync(judge, "56-judge-console");
        await checks.RunAsync("host console, question open", "57-host-console");

        await phone.Locator(".answer", new() { HasText = "2060年" }).ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await Crowd.AnswerAsync(phone, 0, [0], null); // 李老师 wrong, 王师傅 silent: 1 right of 2 answers, 3 in the room
        await Expect(host.Locator("#answers")).ToHaveTextAsync("2 / 3");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(host.Locator("#q-result")).ToHaveTextAsync("答对 1 人 / 作答 2 人");
        await Expect(phone.Locator("#verdict")).ToContainTextAsync("答对 1 人 / 作答 2 人"); // the same words and numbers everywhere

        // A correction is confirmed in words and listed, on the console that made it and on every other.
        await host.Locator("#correct-team").SelectOptionAsync("1");
        await host.Locator("#correct-value").FillAsync("5");
        await host.Locator("#correct-reason").FillAsync("评委复核：补充回答完整");
        await host.Locator("#correct-form button[type=submit]").ClickAsync();
        await Expect(host.Locator("#correct-done")).ToHaveTextAsync("已更正：第2代表队 +5 分，现为 105 分（评委复核：补充回答完整）");
        await Expect(host.Locator("#corrections li")).ToHaveCountAsync(1);
        await Expect(judge.Locator("#corrections li").First).ToContainTextAsync("第 1 题 · 第2代表队 +5 分 · 评委复核：补充回答完整 · 主持人");
        await judge.Locator("#correct-team").SelectOptionAsync("1");
        await judge.Locator("#correct-value").FillAsync("-5");
        await judge.Locator("#correct-reason").FillAsync("撤销：补充回答超时");
        await judge.Locator("#correct-form button[type=submit]").ClickAsync();
        await Expect(judge.Locator("#correct-done")).ToContainTextAsync("现为 100 分");
        await Expect(host.Locator("#corrections li")).ToHaveCountAsync(2);
        await Expect(host.Locator("#corrections li").First).ToContainTextAsync("-5 分 · 撤销：补充回答超时 · judge.zhao");
        await checks.RunAsync("host console, after corrections", "58-host-corrections");
    }
}
