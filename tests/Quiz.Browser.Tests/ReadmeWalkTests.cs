using System.Text;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The README's "A contest end to end", as a new user walks it from the first command: `dotnet run --project
/// src/Quiz.Server` with nothing configured (the embedded Garnet, in a fresh data directory), the first admin made with
/// the code the server printed, a bank created and a sheet imported in /admin, a contest made from it there, the
/// screen and host links it shows opened, a phone joining by the join link, the host's moves, the podium, and the
/// results downloaded from the contest list.
/// </summary>
public sealed class ReadmeWalkTests
{
    private const string Sheet = """
        题型,题干,选项A,选项B,选项C,答案,解析
        单选,“碳达峰”指二氧化碳排放量达到历史最高值后逐步回落，我国承诺在哪一年前实现碳达峰？,2025年,2030年,2060年,B,我国承诺2030年前实现碳达峰、2060年前实现碳中和。
        判断,发烧时应自行服用抗生素。,,,,错,抗生素只对细菌感染有效，应遵医嘱使用。
        """;

    [BrowserFact]
    public async Task The_readme_contest_runs_from_the_first_command_to_the_results_file()
    {
        var data = Directory.CreateTempSubdirectory("quiz-readme-walk-");
        var port = LoopbackPorts.FreeRun(1);
        try
        {
            await using var server = ServerProcess.Start(new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Quiz__Redis__EmbeddedDataDir"] = data.FullName, // a fresh machine: an empty store
            });
            var setupLine = await server.LineAsync(l => l.Contains("setup code", StringComparison.Ordinal));
            var baseAddress = new Uri($"http://127.0.0.1:{port}");
            await using var browser = await BrowserSession.LaunchAsync();

            // /admin: the first admin, with the code the terminal shows.
            var admin = await browser.DesktopAsync(baseAddress);
            await admin.GotoAsync("/admin");
            await admin.Locator("#setup-code").FillAsync(ServerProcess.SetupCodeIn(setupLine));
            await admin.Locator("#setup-user").FillAsync("organizer");
            await admin.Locator("#setup-password").FillAsync("钱塘江-readme-walk-2025");
            await admin.Locator("#setup-password2").FillAsync("钱塘江-readme-walk-2025");
            await admin.Locator("#setup button[type=submit]").ClickAsync();
            await Expect(admin.Locator("#message")).ToContainTextAsync("已创建管理员 organizer 并登录");

            // A bank and its questions from a sheet.
            await admin.Locator("#bank-name").FillAsync("市民科学素质题库");
            await admin.Locator("#new-bank button[type=submit]").ClickAsync();
            await Expect(admin.Locator("#bank-title")).ToHaveTextAsync("市民科学素质题库");
            await admin.Locator("#import-file").SetInputFilesAsync(new FilePayload
            {
                Name = "题库.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Sheet.Replace("\n", "\r\n", StringComparison.Ordinal)),
            });
            await admin.Locator("#import button[type=submit]").ClickAsync();
            await Expect(admin.Locator("#report .banner.ok")).ToContainTextAsync("新增 2");

            // A contest of both questions; the page shows the join code and the links.
            await admin.Locator("#tab-contests").ClickAsync();
            await admin.Locator("#c-title").FillAsync("社区科普快答");
            await admin.Locator("#r0-bank").SelectOptionAsync(new SelectOptionValue { Label = "市民科学素质题库 (2)" });
            await admin.Locator("[data-round='0'] [data-search]").ClickAsync();
            await Expect(admin.Locator(".pick-list tr")).ToHaveCountAsync(2);
            foreach (var pick in await admin.Locator(".pick-list [data-pick]").AllAsync())
            {
                await pick.CheckAsync();
            }
            await admin.Locator("#contest-form button[type=submit]").ClickAsync();
            await Expect(admin.Locator("#created-code")).ToBeVisibleAsync();
            var code = (await admin.Locator("#created-code").TextContentAsync())!.Trim();
            var contestId = (await admin.Locator("#created-id").TextContentAsync())!.Trim();
            var screenLink = await admin.Locator("#created-screen").GetAttributeAsync("href");
            var hostLink = await admin.Locator("#created-host").GetAttributeAsync("href");

            // The screen on the projector, the host console on the stage laptop, a participant by the join link.
            var screen = await browser.ProjectorAsync(baseAddress);
            await screen.GotoAsync(screenLink!);
            await Expect(screen.Locator("#lobby")).ToBeVisibleAsync();
            var host = await browser.LaptopAsync(baseAddress);
            host.Dialog += (_, dialog) => dialog.AcceptAsync(); // "end the contest?"
            await host.GotoAsync(hostLink!);
            await Expect(host.Locator("#join-code")).ToHaveTextAsync(code);
            var phone = await browser.PhoneAsync(baseAddress);
            await phone.GotoAsync($"/play?code={code}");
            await phone.Locator("#nickname").FillAsync("张阿姨");
            await phone.Locator("#join-button").ClickAsync();
            await Expect(phone.Locator("#lobby")).ToBeVisibleAsync();
            await Expect(screen.Locator("#joined")).ToHaveTextAsync("已加入 1 人");

            // Each question: start or next, the answer, close, reveal, board.
            // (The contest keeps the order the questions were picked in, whichever that was: the phone answers what it shows.)
            await host.Keyboard.PressAsync("s");
            await PlayOutAsync(host, phone, screen, stemBefore: "");
            var first = await phone.Locator("#stem").TextContentAsync();
            await host.Keyboard.PressAsync("n");
            await PlayOutAsync(host, phone, screen, stemBefore: first!);
            await host.Keyboard.PressAsync("e");
            await Expect(screen.Locator("#podium .p1 .name")).ToHaveTextAsync("张阿姨");
            await Screenshots.TakeAsync(screen, "60-readme-walk-podium");

            // Afterwards: /admin → 比赛列表 → 成绩.
            await admin.Locator("#tab-list").ClickAsync();
            var row = admin.Locator($"[data-contest='{contestId}']");
            await Expect(row.Locator(".bigcell")).ToHaveTextAsync(code);
            var download = await admin.RunAndWaitForDownloadAsync(() => row.Locator("[data-file='results.csv']").ClickAsync());
            var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("名次,昵称", lines[0], StringComparison.Ordinal);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("1,\"张阿姨\",", lines[1], StringComparison.Ordinal); // texts are quoted: a name is never read as a formula
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task PlayOutAsync(IPage host, IPage phone, IPage screen, string stemBefore)
    {
        var stem = phone.Locator("#stem");
        await Expect(phone.Locator(".answer").First).ToBeEnabledAsync();
        await Expect(stem).Not.ToHaveTextAsync(stemBefore);
        var right = (await stem.TextContentAsync())!.Contains("碳达峰", StringComparison.Ordinal) ? "2030年" : "错误";
        await phone.Locator(".answer", new() { HasText = right }).ClickAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
        await host.Keyboard.PressAsync("c");
        await Expect(host.Locator("#status")).ToHaveTextAsync("已截止");
        await host.Keyboard.PressAsync("r");
        await Expect(phone.Locator("#verdict .headline")).ToContainTextAsync("回答正确");
        await host.Keyboard.PressAsync("b");
        await Expect(screen.Locator("#persons")).ToContainTextAsync("张阿姨");
    }
}
