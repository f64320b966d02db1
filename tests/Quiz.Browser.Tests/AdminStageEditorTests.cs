using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Core.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The organizer shapes the cadres' stage template in /admin before creating it: teams renamed and one removed,
/// members listed, the buzz round's early-buzz deductions and the wager values changed. A bad value comes back as the
/// server's field error beside its input, nothing is created, and what was typed stays.
/// </summary>
public sealed class AdminStageEditorTests
{
    [BrowserFact]
    public async Task The_organizer_renames_teams_and_members_removes_one_changes_penalties_and_wagers_and_creates()
    {
        await using var server = await StartWithSampleBankAsync(nameof(The_organizer_renames_teams_and_members_removes_one_changes_penalties_and_wagers_and_creates));
        await using var browser = await BrowserSession.LaunchAsync();
        var (admin, scriptErrors) = await OpenEditorAsync(browser, server);

        await admin.Locator("#st-stage-teams-0-name").FillAsync("西湖区代表队");
        await admin.Locator("#st-stage-teams-0-members").FillAsync("张明\n 李华 \n\n王芳");
        await admin.Locator("#st-stage-teams-1-name").FillAsync("滨江区代表队");
        await admin.Locator("#st-stage-teams-1-members").FillAsync("赵磊\n钱静");
        await admin.GetByRole(AriaRole.Button, new() { Name = "删除第 6 队" }).ClickAsync();
        await Expect(admin.Locator("#stage-editor fieldset.team")).ToHaveCountAsync(5);
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "删除第 6 队" })).ToHaveCountAsync(0);
        // Only the parameters of each round's kind are shown: the buzz round has deductions, the wager round stakes.
        await Expect(admin.Locator("#st-stage-segments-2-earlyBuzzPenalties")).ToHaveValueAsync("10, 20");
        await Expect(admin.Locator("#st-stage-segments-2-wagerValues")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#st-stage-segments-3-points")).ToHaveCountAsync(0);
        await admin.Locator("[data-round='2']").GetByLabel("提前抢答扣分").FillAsync("5，15, 30");
        await admin.Locator("#st-stage-segments-3-wagerValues").FillAsync("20, 40, 60");
        await admin.Locator("[data-round='3']").GetByLabel("选分顺序").SelectOptionAsync(new SelectOptionValue { Label = "按得分由低到高" });
        await admin.Locator("#st-stage-segments-2-buzzWindowSeconds").FillAsync("15");
        await admin.Locator("[data-round='1']").GetByLabel("答题顺序").SelectOptionAsync(new SelectOptionValue { Label = "按队轮流" });
        // 16 抢答 questions instead of 20: the first of the round's two draw rules takes 6 instead of 10.
        await Expect(admin.Locator("#st-rounds-2-blueprint-0-count")).ToHaveValueAsync("10");
        await admin.Locator("[data-round='2']").GetByLabel("单选题数（碳达峰碳中和）").FillAsync("6");
        await Screenshots.TakeAsync(admin, "40-admin-stage-editor");

        // From the keyboard: a full-page screenshot can leave the page scrolling back while a mouse click aims.
        await admin.Locator("#st-create").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(admin.Locator("#created-code")).ToBeVisibleAsync();
        await Expect(admin.Locator("#stage-editor")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(admin, "41-admin-stage-created");
        var contestId = await admin.Locator("#created-id").TextContentAsync();

        var contest = await server.Services.GetRequiredService<IContestStore>().GetAsync(contestId!, CancellationToken.None);
        var stage = contest!.Stage!;
        Assert.Equal(["西湖区代表队", "滨江区代表队", "第三代表队", "第四代表队", "第五代表队"], stage.Teams.Select(x => x.Name));
        Assert.Equal(["张明", "李华", "王芳"], stage.Teams[0].Members);
        Assert.Equal(["赵磊", "钱静"], stage.Teams[1].Members);
        Assert.Equal(["3号队1号选手", "3号队2号选手", "3号队3号选手"], stage.Teams[2].Members);
        Assert.Equal([5, 15, 30], stage.Segments[2]!.EarlyBuzzPenalties);
        Assert.Equal(15, stage.Segments[2]!.BuzzWindowSeconds);
        Assert.Equal([20, 40, 60], stage.Segments[3]!.WagerValues);
        Assert.Equal(WagerOrder.LowestFirst, stage.Segments[3]!.WagerOrder);
        Assert.Equal(Rotation.Team, stage.Segments[1]!.Rotation);
        Assert.Equal(100, stage.BaseScore);
        Assert.Equal(5, stage.Segments.Count);
        Assert.Equal(16, contest.Questions.Count(q => q.Round == 2));
        Assert.Equal(6, contest.Questions.Count(q => q.Round == 2 && q.Question.Category.StartsWith("碳达峰碳中和", StringComparison.Ordinal)));
        Assert.Empty(scriptErrors);
    }

    [BrowserFact]
    public async Task A_duplicate_team_name_and_a_negative_base_score_show_the_servers_field_errors_and_create_nothing()
    {
        await using var server = await StartWithSampleBankAsync(nameof(A_duplicate_team_name_and_a_negative_base_score_show_the_servers_field_errors_and_create_nothing));
        await using var browser = await BrowserSession.LaunchAsync();
        var (admin, scriptErrors) = await OpenEditorAsync(browser, server);

        await admin.Locator("#st-stage-baseScore").FillAsync("-5");
        await admin.Locator("#st-stage-teams-2-name").FillAsync("第一代表队");
        await admin.Locator("#st-stage-teams-2-members").FillAsync("孙悦\n周强");
        await admin.Locator("#st-create").ClickAsync();

        var summary = admin.Locator("#st-errors");
        await Expect(summary).ToContainTextAsync("比赛未创建");
        await Expect(summary).ToContainTextAsync("第 3 队 名称：与第 1 队同名，各队名称不能相同");
        await Expect(summary).ToContainTextAsync("各队基础分：须在 0 到 100000 之间");
        await Expect(summary).ToBeFocusedAsync();
        // Each error also stands beside its input, which points at it for a screen reader.
        await Expect(admin.Locator("#st-stage-teams-2-name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(admin.Locator("#st-stage-teams-2-name-error")).ToHaveTextAsync("与第 1 队同名，各队名称不能相同");
        await Expect(admin.Locator("#st-stage-teams-2-name")).ToHaveAttributeAsync("aria-describedby", "st-stage-teams-2-name-error");
        await Expect(admin.Locator("#st-stage-baseScore-error")).ToBeVisibleAsync();
        await Expect(admin.Locator("#st-stage-teams-2-members")).ToHaveValueAsync("孙悦\n周强");
        await Expect(admin.Locator("#created-code")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(admin, "42-admin-stage-editor-errors");
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(summary).ToContainTextAsync("Team 3 name: same name as team 1; team names must differ");
        await Expect(admin.Locator("#st-stage-teams-2-members")).ToHaveValueAsync("孙悦\n周强");
        await admin.Locator("#lang-switch").ClickAsync();

        // A link in the list takes the keyboard to the input at fault.
        await summary.GetByRole(AriaRole.Link, new() { Name = "第 3 队 名称：与第 1 队同名，各队名称不能相同" }).ClickAsync();
        await Expect(admin.Locator("#st-stage-teams-2-name")).ToBeFocusedAsync();
        // A value the server never sees as a number is caught in the page, named the same way.
        await admin.Locator("#st-stage-segments-3-wagerValues").FillAsync("10, 二十");
        await admin.Locator("#st-create").ClickAsync();
        await Expect(summary).ToContainTextAsync("第 4 轮（风险题） 风险分值：请填写整数");
        Assert.Equal(1, await CreatedAsync(server, "refused: invalid"));

        await admin.Locator("#st-stage-teams-2-name").FillAsync("拱墅区代表队");
        await admin.Locator("#st-stage-baseScore").FillAsync("50");
        await admin.Locator("#st-stage-segments-3-wagerValues").FillAsync("10, 20");
        // Another kind shows its own parameters: the tie-break becomes a last-team-standing round with two lives.
        await admin.Locator("#st-stage-segments-4-kind").SelectOptionAsync(new SelectOptionValue { Label = "一站到底" });
        await Expect(admin.Locator("#st-stage-segments-4-kind")).ToBeFocusedAsync();
        await Expect(admin.Locator("#st-stage-segments-4-buzzWindowSeconds")).ToHaveCountAsync(0);
        await admin.Locator("#st-stage-segments-4-lives").FillAsync("2");
        // More questions than the bank holds for a rule: the rule's count is named, the shortfall given, nothing made.
        await admin.Locator("#st-rounds-2-blueprint-0-count").FillAsync("400");
        await admin.Locator("#st-create").ClickAsync();
        await Expect(summary).ToContainTextAsync("第 3 轮（抢答题） 第 1 条抽题规则的题数：题库中符合这条规则（且未被前面的规则抽走）的题只有");
        await Expect(admin.Locator("#st-rounds-2-blueprint-0-count-error")).ToContainTextAsync("还差");
        await Expect(admin.Locator("#st-rounds-2-blueprint-0-count")).ToHaveValueAsync("400");
        await Screenshots.TakeAsync(admin, "43-admin-stage-editor-blueprint-short");
        Assert.Equal(1, await CreatedAsync(server, "refused: blueprint_short"));
        await admin.Locator("#st-rounds-2-blueprint-0-count").FillAsync("10");
        await admin.Locator("#st-create").ClickAsync();
        await Expect(admin.Locator("#created-code")).ToBeVisibleAsync();
        var contest = await server.Services.GetRequiredService<IContestStore>().GetAsync((await admin.Locator("#created-id").TextContentAsync())!, CancellationToken.None);
        Assert.Equal("拱墅区代表队", contest!.Stage!.Teams[2].Name);
        Assert.Equal(["孙悦", "周强"], contest.Stage.Teams[2].Members);
        Assert.Equal(50, contest.Stage.BaseScore);
        Assert.Equal((SegmentKind.Elimination, 2), (contest.Stage.Segments[4]!.Kind, contest.Stage.Segments[4]!.Lives));
        Assert.Equal(1, await CreatedAsync(server, "done"));
        Assert.Empty(scriptErrors);
    }

    [BrowserFact]
    public async Task A_template_on_another_bank_names_each_rule_that_bank_cannot_fill()
    {
        await using var server = await StartWithSampleBankAsync(nameof(A_template_on_another_bank_names_each_rule_that_bank_cannot_fill));
        using (var http = server.CreateHttpClient())
        {
            var bank = await http.PostAsJsonAsync("/api/banks", new { name = "区科协自编题库" });
            var bankId = (await bank.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            using var file = new StringContent(SeededQuestions.Json, System.Text.Encoding.UTF8, "application/json");
            Assert.True((await http.PostAsync($"/api/banks/{bankId}/import?format=json", file)).IsSuccessStatusCode);
        }
        await using var browser = await BrowserSession.LaunchAsync();
        var (admin, scriptErrors) = await OpenEditorAsync(browser, server, bank: "区科协自编题库");

        await admin.Locator("#st-create").ClickAsync();
        // The seeded bank has none of the template's themes: every rule of every round is short, each named.
        var summary = admin.Locator("#st-errors");
        await Expect(summary).ToContainTextAsync("比赛未创建");
        await Expect(summary).ToContainTextAsync("第 1 轮（必答题（一）） 第 1 条抽题规则的题数：题库中符合这条规则（且未被前面的规则抽走）的题只有 0 道，还差 6 道");
        await Expect(admin.Locator("#st-rounds-0-blueprint-0-count-error")).ToHaveTextAsync("题库中符合这条规则（且未被前面的规则抽走）的题只有 0 道，还差 6 道");
        await Expect(admin.Locator("#created-code")).ToHaveCountAsync(0);
        Assert.Equal(1, await CreatedAsync(server, "refused: blueprint_short"));
        Assert.Empty(scriptErrors);
    }

    [BrowserFact]
    public async Task The_organizer_removes_a_round_and_a_draw_rule_and_the_contest_is_made_without_them()
    {
        await using var server = await StartWithSampleBankAsync(nameof(The_organizer_removes_a_round_and_a_draw_rule_and_the_contest_is_made_without_them));
        await using var browser = await BrowserSession.LaunchAsync();
        var (admin, scriptErrors) = await OpenEditorAsync(browser, server);
        var checks = await PageChecks.AttachAsync(admin);

        // Round 2 (必答题（二）) goes; then the 抢答 round, now round 2, loses its first draw rule (碳达峰碳中和).
        await admin.GetByRole(AriaRole.Button, new() { Name = "删除第 2 轮", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#stage-editor fieldset.round")).ToHaveCountAsync(4);
        await Expect(admin.Locator("[data-round='1'] #st-rounds-1-title")).ToHaveValueAsync("抢答题");
        await admin.GetByRole(AriaRole.Button, new() { Name = "删除第 2 轮第 1 条抽题规则" }).ClickAsync();
        await Expect(admin.Locator("#st-rounds-1-blueprint-0-count")).ToBeFocusedAsync();
        await Expect(admin.Locator("[data-round='1']")).ToContainTextAsync("单选题数（数字经济、5G与人工智能）");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "删除第 2 轮第 1 条抽题规则" })).ToBeDisabledAsync(); // a round keeps one rule
        await checks.RunAsync("stage editor after removals", "44-admin-stage-editor-removed");

        await admin.Locator("#st-create").FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(admin.Locator("#created-code")).ToBeVisibleAsync();
        var contest = await server.Services.GetRequiredService<IContestStore>().GetAsync((await admin.Locator("#created-id").TextContentAsync())!, CancellationToken.None);
        Assert.Equal(["必答题（一）", "抢答题", "风险题", "加赛题"], contest!.Rounds.Select(r => r.Title));
        Assert.Equal([SegmentKind.Required, SegmentKind.Buzz, SegmentKind.Wager, SegmentKind.Tiebreak], contest.Stage!.Segments.Select(s => s!.Kind));
        Assert.All(contest.Questions.Where(q => q.Round == 1), q => Assert.StartsWith("数字经济", q.Question.Category, StringComparison.Ordinal));
        Assert.Equal(10, contest.Questions.Count(q => q.Round == 1));
        Assert.Empty(scriptErrors);
    }

    // The template draws its rounds from the sample bank's themes, so this server imports it at start.
    private static async Task<QuizServer> StartWithSampleBankAsync(string name)
    {
        var server = new QuizServer(name, new Dictionary<string, string?> { ["Quiz:Live:OpenLeadMs"] = "100" });
        await ShippedBanks.WaitAsync(server);
        return server;
    }

    // The admin page logged in, on the contest tab, with the cadres' template open in the editor; and its script errors.
    private static async Task<(IPage Admin, List<string> ScriptErrors)> OpenEditorAsync(BrowserSession browser, QuizServer server, string? bank = null)
    {
        var admin = await browser.LaptopAsync(server.BaseAddress);
        var scriptErrors = new List<string>();
        admin.PageError += (_, error) => scriptErrors.Add(error);
        await admin.GotoAsync("/admin");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#bank-list")).ToContainTextAsync("科学素质示例题库");
        await admin.Locator("#tab-contests").ClickAsync();
        // The sample bank is the template's bank unless the organizer picks another.
        await Expect(admin.Locator("#c-template-bank option:checked")).ToContainTextAsync("科学素质示例题库");
        if (bank is not null)
        {
            await admin.Locator("#c-template-bank").SelectOptionAsync(new SelectOptionValue { Label = $"{bank} (5)" });
        }
        await admin.Locator("[data-template='cadres-6x3']").ClickAsync();
        await Expect(admin.Locator("#st-heading")).ToBeFocusedAsync();
        await Expect(admin.Locator("#stage-editor fieldset.team")).ToHaveCountAsync(6);
        await Expect(admin.Locator("#st-stage-teams-0-name")).ToHaveValueAsync("第一代表队");
        return (admin, scriptErrors);
    }

    // How many contest creations the audit log holds with this outcome.
    private static async Task<int> CreatedAsync(QuizServer server, string outcome)
    {
        using var http = server.CreateHttpClient();
        var log = await http.GetFromJsonAsync<JsonArray>("/api/audit?take=200");
        return log!.Count(e => e!["action"]!.GetValue<string>() == "CreateContest" && e["outcome"]!.GetValue<string>() == outcome);
    }
}
