using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>A host, a big screen and three phones play a whole game in real pages.</summary>
public sealed class WholeGameTests
{
    [BrowserFact]
    public async Task Host_screen_and_three_phones_play_a_whole_game()
    {
        await using var server = BrowserServer.Start(nameof(WholeGameTests));
        var contest = await Contests.CreateWithGroupsAsync(server, new { timeLimitSeconds = 60, points = 100, speedWeighted = true, streakBonus = 10 },
            new { teams = new[] { "红队", "蓝队" } }, "q-single", "q-multi", "q-tf");
        await using var browser = await BrowserSession.LaunchAsync();

        var host = await browser.LaptopAsync(server.BaseAddress);
        host.Dialog += (_, dialog) => dialog.AcceptAsync(); // "end the contest?"
        await host.GotoAsync($"/host#contest={contest.ContestId}&key={contest.HostKey}");
        await Expect(host.Locator("#join-code")).ToHaveTextAsync(contest.JoinCode);

        var screen = await browser.ProjectorAsync(server.BaseAddress);
        await screen.GotoAsync($"/screen?code={contest.JoinCode}");
        await Expect(screen.Locator("#lobby")).ToBeVisibleAsync();

        string[] names = ["张阿姨", "李老师", "王师傅"];
        string[] districts = ["西湖区", "滨江区", "西湖区"];
        var phones = new List<IPage>();
        for (var i = 0; i < names.Length; i++)
        {
            var phone = await browser.PhoneAsync(server.BaseAddress);
            await phone.GotoAsync($"/play?code={contest.JoinCode}");
            await Expect(phone.Locator("#code")).ToHaveValueAsync(contest.JoinCode);
            await phone.Locator("#nickname").FillAsync(names[i]);
            await phone.Locator("#more summary").ClickAsync();
            await phone.Locator("#team").SelectOptionAsync(i == 1 ? "蓝队" : "红队");
            await phone.Locator("#district").SelectOptionAsync(districts[i]);
            if (i == 0)
            {
                await Screenshots.TakeAsync(phone, "01-phone-join");
            }
            await phone.Locator("#join-button").ClickAsync();
            await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
            phones.Add(phone);
        }
        await Expect(screen.Locator("#joined")).ToHaveTextAsync("已加入 3 人");
        await Screenshots.TakeAsync(screen, "02-screen-lobby");
        await Screenshots.TakeAsync(phones[0], "03-phone-lobby");

        // Question 1, single choice: right, wrong, wrong.
        await host.Keyboard.PressAsync("s");
        await Expect(phones[0].Locator(".answer").First).ToBeEnabledAsync();
        await Screenshots.TakeAsync(phones[0], "04-phone-question");
        await Answer(phones[0], "2060年");
        await Answer(phones[1], "2050年");
        await Answer(phones[2], "2030年");
        foreach (var phone in phones)
        {
            await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        }
        await Screenshots.TakeAsync(phones[0], "05-phone-answer-received");
        await Expect(screen.Locator("#count")).ToHaveTextAsync("已作答 3 / 3");
        await Expect(host.Locator("#answers")).ToHaveTextAsync("3 / 3");
        await Screenshots.TakeAsync(screen, "06-screen-question");
        await Screenshots.TakeAsync(host, "07-host-console");

        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phones[0].Locator("#verdict .headline")).ToContainTextAsync("回答正确");
        await Expect(phones[1].Locator("#verdict .headline")).ToContainTextAsync("回答错误");
        await Expect(phones[1].Locator("#verdict .key")).ToContainTextAsync("2060年");
        await Expect(screen.Locator("#chart canvas")).ToBeVisibleAsync();
        await Expect(screen.Locator("#chart")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("C\\. 2060年: 1"));
        await Screenshots.TakeAsync(phones[0], "08-phone-feedback-right");
        await Screenshots.TakeAsync(phones[1], "09-phone-feedback-wrong");
        await screen.WaitForTimeoutAsync(800); // let the bars finish growing
        await Screenshots.TakeAsync(screen, "10-screen-distribution");

        await host.Keyboard.PressAsync("b");
        await Expect(screen.Locator("#persons")).ToContainTextAsync("张阿姨");
        await Expect(screen.Locator("#districts")).ToContainTextAsync("西湖区");
        await Expect(phones[0].Locator("#stats")).ToContainTextAsync("第 1 名 / 共 3 人");
        await Screenshots.TakeAsync(screen, "11-screen-board");
        await Screenshots.TakeAsync(phones[0], "12-phone-standing");

        // Question 2, multiple choice: one right, one partly (no partial credit here: wrong), one silent.
        await host.Locator("button[data-move=next]").ClickAsync();
        await Toggle(phones[0], "二氧化碳", "甲烷", "氧化亚氮");
        await Toggle(phones[1], "二氧化碳");
        await Expect(phones[0].Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await Expect(phones[1].Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phones[0].Locator("#verdict .headline")).ToContainTextAsync("回答正确");
        await Expect(phones[1].Locator("#verdict .headline")).ToContainTextAsync("回答错误");
        await Expect(phones[2].Locator("#verdict .headline")).ToContainTextAsync("未作答");

        // Question 3, true or false, then the end.
        await host.Keyboard.PressAsync("n");
        await Answer(phones[0], "错误");
        await Answer(phones[1], "错误");
        await Answer(phones[2], "正确");
        foreach (var phone in phones)
        {
            await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案"); // all in before the close
        }
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phones[2].Locator("#verdict .headline")).ToContainTextAsync("回答错误");
        await host.Keyboard.PressAsync("e");
        await Expect(screen.Locator("#podium .step")).ToHaveCountAsync(3);
        await Expect(screen.Locator("#podium .p1 .name")).ToHaveTextAsync("张阿姨");
        await Expect(screen.Locator("#podium .p2 .name")).ToHaveTextAsync("李老师");
        await Expect(phones[0].Locator("#ended")).ToBeVisibleAsync();
        await Expect(phones[0].Locator("#stats")).ToContainTextAsync("第 1 名 / 共 3 人");
        await Expect(phones[2].Locator("#stats")).ToContainTextAsync("第 3 名 / 共 3 人");
        await screen.WaitForTimeoutAsync(300);
        await Screenshots.TakeAsync(screen, "13-screen-podium");
        await Screenshots.TakeAsync(phones[0], "14-phone-ended");

        // The big screen holds no state of its own: a reload shows the same podium.
        await screen.ReloadAsync();
        await Expect(screen.Locator("#podium .p1 .name")).ToHaveTextAsync("张阿姨");
    }

    private static Task Answer(IPage phone, string option) =>
        phone.Locator(".answer", new() { HasText = option }).ClickAsync();

    private static async Task Toggle(IPage phone, params string[] options)
    {
        foreach (var option in options)
        {
            await phone.Locator(".answer", new() { HasText = option }).ClickAsync();
        }
        await phone.Locator("#confirm").ClickAsync();
    }
}
