using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Quiz.Core.Assessment;
using Quiz.Server.Tests.Banks;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Assessment;

/// <summary>Margins errors as codes, margins removed, statuses instead of figures, and a profile that must say its consent.</summary>
public sealed class AssessmentMarginsTests
{
    private static QuizServer Server(string name) => new(name, BankClient.NoSample());

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Margins_errors_carry_a_code_and_args_once_per_fault_and_the_table_is_public()
    {
        await using var server = Server(nameof(Margins_errors_carry_a_code_and_args_once_per_fault_and_the_table_is_public));
        var contest = await AssessmentSeed.CreateAsync(server);
        using var organizer = server.CreateHttpClient();
        // A bad population on 西湖区's 60-69 row: one error at that row, not also "age lacks 60-69" or "totals differ".
        var file = "district,dimension,code,population\n" + Margins("西湖区").Replace("西湖区,age,60-69,200", "西湖区,age,60-69,两百", StringComparison.Ordinal);
        var bad = await organizer.PutAsync($"/api/assessments/{contest}/margins", Csv(file));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = Assert.Single((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(("row 6 population", "margins.population", "两百"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString(),
            error.GetProperty("args").GetProperty("value").GetString()));

        using var anonymous = server.CreateAnonymousClient();
        var table = await anonymous.GetFromJsonAsync<JsonElement>("/api/assessments/reasons");
        var population = table.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "margins.population");
        Assert.Equal("“{value}”不是人数（应为 0 或正数）", population.GetProperty("chinese").GetString());
        Assert.Contains(table.EnumerateArray(), r => r.GetProperty("code").GetString() == "weighting.infeasible");
    }

    [Fact]
    public async Task Margins_can_be_removed_and_the_removal_is_audited()
    {
        await using var server = Server(nameof(Margins_can_be_removed_and_the_removal_is_audited));
        var contest = await AssessmentSeed.CreateAsync(server);
        using var organizer = server.CreateHttpClient();
        var url = $"/api/assessments/{contest}/margins";
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.DeleteAsync(url)).StatusCode); // none yet
        Assert.Equal(HttpStatusCode.OK, (await organizer.PutAsync(url, Csv("district,dimension,code,population\n" + Margins("西湖区")))).StatusCode);
        Assert.True((await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"))).MarginsLoaded);

        Assert.Equal(HttpStatusCode.NoContent, (await organizer.DeleteAsync(url)).StatusCode);
        Assert.False((await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"))).MarginsLoaded);
        Assert.Contains("RemoveMargins", await organizer.GetStringAsync("/api/audit?take=5"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.DeleteAsync("/api/assessments/no-such-contest/margins")).StatusCode);
    }

    [Fact]
    public async Task A_district_whose_margins_cannot_be_met_shows_a_coded_status_instead_of_a_share_on_the_report_and_the_screen()
    {
        await using var server = Server(nameof(A_district_whose_margins_cannot_be_met_shows_a_coded_status_instead_of_a_share_on_the_report_and_the_screen));
        var contest = await AssessmentSeed.CreateAsync(server);
        using var organizer = server.CreateHttpClient();
        // 120 respondents in 淳安县, all 18-29: its margins have people in every age band.
        for (var i = 0; i < 120; i++)
        {
            var token = await AssessmentSeed.AddParticipantAsync(server, contest, $"c{i}", "淳安县");
            await AssessmentSeed.SubmitAsync(server, contest, $"c{i}", 80);
            await organizer.PostAsJsonAsync($"/api/assessments/{contest}/profile", new { token, consent = true, ageBand = "18-29", sex = i % 2 == 0 ? "male" : "female", education = "college" });
        }
        var margins = "district,dimension,code,population\n" + Margins("淳安县").Replace("淳安县,education,primary,250", "淳安县,education,primary,0", StringComparison.Ordinal)
            .Replace("淳安县,education,junior,250", "淳安县,education,junior,0", StringComparison.Ordinal).Replace("淳安县,education,senior,250", "淳安县,education,senior,0", StringComparison.Ordinal)
            .Replace("淳安县,education,college,250", "淳安县,education,college,1000", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await organizer.PutAsync($"/api/assessments/{contest}/margins", Csv(margins))).StatusCode);

        var report = await LiveGame.Read<AssessmentReport>(await organizer.GetAsync($"/api/assessments/{contest}/report"));
        var chunan = report.Districts.Single(d => d.Area == "淳安县");
        Assert.Equal(("weighting.uncovered", "age"), (chunan.Status!.Code, chunan.Status.Args["dimension"]));
        Assert.Equal((120, (ShareFigure?)null, (ShareFigure?)null, (string?)null), (chunan.Respondents, chunan.Raw, chunan.Weighted, chunan.Verdict));
        Assert.Equal("city.partial", report.City.Status!.Code);
        Assert.Empty(report.City.Covers!);

        using var anonymous = server.CreateAnonymousClient();
        var screen = await LiveGame.Read<AssessmentReport>(await anonymous.GetAsync($"/api/assessments/{contest}/screen"));
        Assert.Equal("weighting.uncovered", screen.Districts.Single(d => d.Area == "淳安县").Status!.Code);
        var csv = Encoding.UTF8.GetString(await organizer.GetByteArrayAsync($"/api/assessments/{contest}/report.csv"));
        Assert.Contains("填写了个人信息的参与者中没有年龄为“30-39岁”的人", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_without_consent_is_refused_not_taken_as_a_withdrawal_and_residence_is_kept()
    {
        await using var server = Server(nameof(A_profile_without_consent_is_refused_not_taken_as_a_withdrawal_and_residence_is_kept));
        var contest = await AssessmentSeed.CreateAsync(server);
        var token = await AssessmentSeed.AddParticipantAsync(server, contest, "p1", "西湖区");
        using var phone = server.CreateAnonymousClient();
        var url = $"/api/assessments/{contest}/profile";
        Assert.Equal(HttpStatusCode.OK, (await phone.PostAsJsonAsync(url, new { token, consent = true, ageBand = "30-39", residence = "rural" })).StatusCode);

        var silent = await phone.PostAsJsonAsync(url, new { token, ageBand = "40-49" });
        Assert.Equal(HttpStatusCode.BadRequest, silent.StatusCode);
        Assert.Contains("\"consent\"", await silent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badResidence = await phone.PostAsJsonAsync(url, new { token, consent = true, residence = "suburb" });
        Assert.Contains("\"residence\"", await badResidence.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var stored = await server.Services.GetRequiredService<IAssessmentStore>().ReadProfilesAsync(contest, CancellationToken.None);
        Assert.Equal(("30-39", "rural"), (stored["p1"].AgeBand, stored["p1"].Residence)); // still there: nothing was withdrawn
    }

    /// <summary>A district of 1000 people aged 18-69: 200 per age band, 500 per sex, 250 per education level.</summary>
    internal static string Margins(string district) => string.Join("\n",
        ProfileCodes.CountedAgeBands.Select(c => $"{district},age,{c},200")
            .Concat(ProfileCodes.Sexes.Select(c => $"{district},sex,{c},500"))
            .Concat(ProfileCodes.Educations.Select(c => $"{district},education,{c},250")));
}
