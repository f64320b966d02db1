using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Quiz.Browser.Tests.Support;
using Quiz.Core.Assessment;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>The literacy dashboard and its big screen, over seeded first attempts: verdicts, 样本不足, the caveat on both.</summary>
public sealed class AssessmentDashboardTests
{
    private const string Contest = "assess-browser";

    [BrowserFact]
    public async Task The_big_screen_and_the_dashboard_show_verdicts_a_suppressed_district_and_the_caveat()
    {
        await using var server = BrowserServer.Start(nameof(AssessmentDashboardTests));
        await SeedAsync(server);
        await using var browser = await BrowserSession.LaunchAsync();

        var screen = await browser.ProjectorAsync(server.BaseAddress);
        await screen.GotoAsync($"/assessment-screen?contest={Contest}");
        await Expect(screen.Locator("#caveat")).ToContainTextAsync("不是随机抽样样本");
        await Expect(screen.Locator("#verdicts tr[data-area=西湖区]")).ToContainTextAsync("高于目标");
        await Expect(screen.Locator("#verdicts tr[data-area=萧山区]")).ToContainTextAsync("无法判断");
        await Expect(screen.Locator("#suppressed")).ToContainTextAsync("样本不足");
        await Expect(screen.Locator("#suppressed")).ToContainTextAsync("淳安县");
        await Expect(screen.Locator("#chart canvas")).ToHaveCountAsync(1);
        // The screen says what its share is (raw here: no margins) and what a faded bar means.
        await Expect(screen.Locator("#meta")).ToContainTextAsync("原始比例（未加权）");
        await Expect(screen.Locator("#legend")).ToContainTextAsync("原始比例（未加权）");
        await Expect(screen.Locator("#legend")).ToContainTextAsync("淡色：样本偏少");
        await Expect(screen.Locator("#caveat")).ToContainTextAsync("中国公民科学素质抽样调查");
        await Screenshots.TakeAsync(screen, "30-assessment-screen");

        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.GotoAsync($"/assessment#contest={Contest}");
        await Expect(admin.Locator("#caveat")).ToContainTextAsync("不是官方统计的“公民具备科学素质比例”");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#figures tr[data-area=西湖区]")).ToContainTextAsync("高于目标");
        await Expect(admin.Locator("#figures tr[data-area=淳安县]")).ToContainTextAsync("样本不足");
        await Expect(admin.Locator("#figures tr[data-area=萧山区]")).ToContainTextAsync("样本偏少");
        await Expect(admin.Locator("#caveat")).ToContainTextAsync("仅显示原始比例");
        await Screenshots.TakeAsync(admin, "31-assessment-dashboard");

        // English on the same device: the caveat follows the language.
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(admin.Locator("#caveat")).ToContainTextAsync("not a random sample");
        await Expect(admin.Locator("#figures tr[data-area=萧山区]")).ToContainTextAsync("Cannot tell");
    }

    [BrowserFact]
    public async Task Margins_errors_read_in_both_languages_margins_weight_the_figures_and_can_be_removed()
    {
        await using var server = BrowserServer.Start(nameof(Margins_errors_read_in_both_languages_margins_weight_the_figures_and_can_be_removed));
        await SeedAsync(server);
        // 西湖区's respondents all gave a profile (30-39, women, college); 萧山区's too, but its margins have people of every age.
        var store = server.Services.GetRequiredService<IAssessmentStore>();
        foreach (var (district, count) in new[] { ("西湖区", 150), ("萧山区", 200) })
        {
            for (var i = 0; i < count; i++)
            {
                await store.SaveProfileAsync(Contest, $"{district}-{i}", new RespondentProfile("30-39", "female", "college", null, 0), CancellationToken.None);
            }
        }
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        admin.Dialog += (_, dialog) => dialog.AcceptAsync(); // "remove the margins?"
        await admin.GotoAsync($"/assessment#contest={Contest}");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#figures tr[data-area=西湖区]")).ToContainTextAsync("高于目标");

        // A file with a long misspelt district and a population that is not a number: one error each, in Chinese, inside the card.
        var bad = "district,dimension,code,population\n" + Margins("西湖区").Replace("西湖区,age,60-69,200", "西湖区,age,60-69,两百", StringComparison.Ordinal)
            + "\n" + new string('杭', 120) + "州市某某区,age,18-29,5\n";
        await Upload(admin, bad);
        await Expect(admin.Locator("#message")).ToContainTextAsync("文件有 2 处错误");
        await Expect(admin.Locator("#margin-errors tr")).ToHaveCountAsync(3);
        await Expect(admin.Locator("#margin-errors")).ToContainTextAsync("第 6 行 人口");
        await Expect(admin.Locator("#margin-errors")).ToContainTextAsync("“两百”不是人数（应为 0 或正数）");
        await Expect(admin.Locator("#margin-errors")).ToContainTextAsync("不是杭州的 13 个区县之一");
        Assert.True(await admin.Locator("#margins").EvaluateAsync<bool>("card => card.scrollWidth <= card.clientWidth"), "the errors stay inside their card");
        await Screenshots.TakeAsync(admin, "35-assessment-margin-errors");
        await admin.Locator("#lang-switch").ClickAsync();
        await Expect(admin.Locator("#margin-errors")).ToContainTextAsync("Row 6, population");
        await Expect(admin.Locator("#margin-errors")).ToContainTextAsync("'两百' is not a number of people");
        await admin.Locator("#lang-switch").ClickAsync();

        // Good margins: shares are weighted, the population rule is shown, 萧山区 says why it has no figure.
        await Upload(admin, "district,dimension,code,population\n" + Narrow("西湖区") + "\n" + Margins("萧山区"));
        await Expect(admin.Locator("#message")).ToContainTextAsync("人口以性别合计为准");
        await Expect(admin.Locator("#legend")).ToContainTextAsync("加权比例（按人口结构加权）");
        await Expect(admin.Locator("#suppressed")).ToContainTextAsync("无加权结果");
        await Expect(admin.Locator("#figures tr[data-area=萧山区]")).ToContainTextAsync("填写了个人信息的参与者中没有性别为“男”的人（该类人口占 50.0%");
        await Expect(admin.Locator("#figures tr[data-area=全市]")).ToContainTextAsync("1 个区县合计");
        await Expect(admin.Locator("#figures tr[data-area=全市]")).ToContainTextAsync("不含 上城区");
        // 淳安县's 10 are counted but have no weight: listed with what is shown of them.
        await Expect(admin.Locator("#suppressed")).ToContainTextAsync("样本不足（只显示计入人数）");
        await Expect(admin.Locator("#suppressed")).ToContainTextAsync("淳安县 10 人");
        await Screenshots.TakeAsync(admin, "36-assessment-weighted");

        var screen = await browser.ProjectorAsync(server.BaseAddress);
        await screen.GotoAsync($"/assessment-screen?contest={Contest}");
        await Expect(screen.Locator("#meta")).ToContainTextAsync("加权比例");
        await Expect(screen.Locator("#verdicts tr:first-child")).ToContainTextAsync("加权比例");
        await Expect(screen.Locator("#suppressed")).ToContainTextAsync("萧山区：无加权结果");

        await admin.Locator("#remove-margins").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("已删除人口结构数据");
        await Expect(admin.Locator("#legend")).ToContainTextAsync("原始比例（未加权）");
        await Expect(admin.Locator("#remove-margins")).ToBeHiddenAsync();
        Assert.Null(await store.GetMarginsAsync(Contest, CancellationToken.None));
    }

    private static async Task Upload(IPage page, string csv)
    {
        await page.Locator("#margins-file").SetInputFilesAsync(new FilePayload { Name = "margins.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.Locator("#margins button[type=submit]").ClickAsync();
    }

    /// <summary>A district of 1000 people aged 18-69: 200 per age band, 500 per sex, 250 per education level.</summary>
    private static string Margins(string district) => string.Join("\n",
        ProfileCodes.CountedAgeBands.Select(c => $"{district},age,{c},200")
            .Concat(ProfileCodes.Sexes.Select(c => $"{district},sex,{c},500"))
            .Concat(ProfileCodes.Educations.Select(c => $"{district},education,{c},250")));

    /// <summary>A district whose 1000 people are all 30-39, women, college-educated: what its respondents are.</summary>
    private static string Narrow(string district) => string.Join("\n",
        ProfileCodes.CountedAgeBands.Select(c => $"{district},age,{c},{(c == "30-39" ? 1000 : 0)}")
            .Concat(ProfileCodes.Sexes.Select(c => $"{district},sex,{c},{(c == "female" ? 1000 : 0)}"))
            .Concat(ProfileCodes.Educations.Select(c => $"{district},education,{c},{(c == "college" ? 1000 : 0)}")));

    [BrowserFact]
    public async Task An_organizer_creates_an_assessment_round_from_the_dashboard()
    {
        await using var server = BrowserServer.Start(nameof(An_organizer_creates_an_assessment_round_from_the_dashboard));
        await Rounds.ImportQuestionnaireAsync(server);
        await using var browser = await BrowserSession.LaunchAsync();
        var admin = await browser.LaptopAsync(server.BaseAddress);
        await admin.GotoAsync("/assessment");
        await admin.Locator("#login-user").FillAsync(QuizServer.AdminUser);
        await admin.Locator("#login-password").FillAsync(QuizServer.AdminPassword);
        await admin.Locator("#login button[type=submit]").ClickAsync();

        var closes = await admin.Locator("#a-closes").InputValueAsync();
        await admin.Locator("#a-title").FillAsync("全市科学素质测评");
        await admin.Locator("#a-closes").FillAsync("2020-01-01T10:00"); // before it opens: the server's field error is shown, nothing is made
        await admin.Locator("#create button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("closesAt");

        await admin.Locator("#a-closes").FillAsync(closes);
        await admin.Locator("#a-self").CheckAsync();
        await admin.Locator("#create button[type=submit]").ClickAsync();
        await Expect(admin.Locator("#a-created")).ToContainTextAsync("已创建测评（每卷 50 题）");
        await Expect(admin.Locator("#summary")).ToBeVisibleAsync();
        var contestId = await admin.Locator("#contest").InputValueAsync();
        Assert.False(string.IsNullOrEmpty(contestId));
        await Screenshots.TakeAsync(admin, "34-assessment-create");

        var round = await server.Services.GetRequiredService<IContestStore>().GetAsync(contestId, CancellationToken.None);
        Assert.Equal(("全市科学素质测评", 1800, true, 2.0), (round!.Title, round.Online!.TimeLimitSeconds, round.Online.SelfRegistration, round.Online.Points));
        Assert.NotNull(await server.Services.GetRequiredService<IAssessmentStore>().GetSetupAsync(contestId, CancellationToken.None));
    }

    [BrowserFact]
    public async Task A_respondent_gives_a_profile_only_with_consent_and_can_withdraw_it()
    {
        await using var server = BrowserServer.Start(nameof(A_respondent_gives_a_profile_only_with_consent_and_can_withdraw_it));
        await SeedAsync(server);
        var token = Ids.Secret();
        await server.Services.GetRequiredService<IParticipantStore>().AddAsync(Contest, new Participant("me", "me", null, null, "西湖区"),
            Ids.Hash(token), CancellationToken.None);
        var store = server.Services.GetRequiredService<IAssessmentStore>();
        await using var browser = await BrowserSession.LaunchAsync();
        var phone = await browser.PhoneAsync(server.BaseAddress);
        await phone.GotoAsync($"/assessment-profile#contest={Contest}&me={token}");

        await phone.Locator("#age").SelectOptionAsync("30-39");
        await phone.Locator("#sex").SelectOptionAsync("female");
        await phone.Locator("#education").SelectOptionAsync("college");
        await phone.Locator("#district").SelectOptionAsync("滨江区");
        await phone.Locator("#residence").SelectOptionAsync("rural");
        await phone.Locator("#save").ClickAsync();
        await Expect(phone.Locator("#result")).ToContainTextAsync("请先勾选同意");
        Assert.Empty(await store.ReadProfilesAsync(Contest, CancellationToken.None)); // nothing without consent

        await phone.Locator("#consent").CheckAsync();
        await phone.Locator("#save").ClickAsync();
        await Expect(phone.Locator("#result")).ToContainTextAsync("已保存");
        await Screenshots.TakeAsync(phone, "32-assessment-profile");
        var profile = (await store.ReadProfilesAsync(Contest, CancellationToken.None))["me"];
        Assert.Equal(("30-39", "female", "college", "滨江区", "rural"), (profile.AgeBand, profile.Sex, profile.Education, profile.District, profile.Residence));

        await phone.Locator("#withdraw").ClickAsync();
        await Expect(phone.Locator("#result")).ToContainTextAsync("已撤回");
        Assert.Empty(await store.ReadProfilesAsync(Contest, CancellationToken.None));
    }

    /// <summary>西湖区 150 (half at the line: above 25%), 萧山区 200 (22%: cannot tell, flagged), 淳安县 10 (suppressed).</summary>
    private static async Task SeedAsync(QuizServer server)
    {
        var store = server.Services.GetRequiredService<IAssessmentStore>();
        await store.SaveSetupAsync(new AssessmentSetup(Contest, "none", AssessmentDefaults.Blueprint, 2, AssessmentDefaults.CityTarget,
            AssessmentDefaults.Targets, 0), CancellationToken.None);
        var participants = server.Services.GetRequiredService<IParticipantStore>();
        var publisher = server.Services.GetRequiredService<IPublisher>();
        foreach (var (district, count, atLine) in new[] { ("西湖区", 150, 75), ("萧山区", 200, 44), ("淳安县", 10, 10) })
        {
            for (var i = 0; i < count; i++)
            {
                var id = $"{district}-{i}";
                await participants.AddAsync(Contest, new Participant(id, id, null, null, district), Ids.Hash(Ids.Secret()), CancellationToken.None);
                await publisher.Publish(new AttemptSubmitted(Contest, id, i < atLine ? 80 : 40, 100,
                    new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 1, false));
            }
        }
    }
}
