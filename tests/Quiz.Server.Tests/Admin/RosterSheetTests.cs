using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Admin;

/// <summary>
/// Rosters from spreadsheets: every bad row named by row and column with a code, nothing imported while any remains,
/// a dry run that writes nothing, GB18030 as Chinese Excel saves it, xlsx, and people already on the roster skipped.
/// </summary>
public sealed class RosterSheetTests
{
    private static readonly Encoding Gbk = CodePages();

    [Fact]
    public async Task A_sheet_with_bad_rows_reports_each_by_row_and_column_and_imports_nobody()
    {
        await using var server = LiveGame.Server(nameof(RosterSheetTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        using var organizer = server.CreateHttpClient();
        const string csv = "姓名,工号,单位,区县,手机\r\n张三,HZ-001,市科协,西湖区,13912345678\r\n,HZ-002,市科协,西湖区,\r\n李四,HZ-001,区图书馆,滨江区,\r\n王五,HZ-003,区图书馆,滨江区,139-abc\r\n";
        var (status, report) = await ImportAsync(organizer, contest.ContestId, Gbk.GetBytes(csv), "名单.csv");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(report.GetProperty("ok").GetBoolean());
        var errors = report.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Equal([(3, "姓名", "roster.nameEmpty"), (4, "工号", "roster.staffIdRepeat"), (5, "手机", "roster.phoneInvalid")], errors);
        var repeat = report.GetProperty("errors")[1];
        Assert.Equal("2", repeat.GetProperty("args").GetProperty("row").GetString());
        Assert.Equal("the staff id 'HZ-001' is already used by row 2", repeat.GetProperty("message").GetString());
        Assert.Equal(0, await BoardSizeAsync(server, contest.ContestId));

        // A header without 工号 is named, with the columns it expects; a JSON file is sent to the JSON endpoint.
        var (_, header) = await ImportAsync(organizer, contest.ContestId, Encoding.UTF8.GetBytes("姓名,单位\r\n张三,市科协\r\n"), "名单.csv");
        Assert.Equal("header.missing", header.GetProperty("errors")[0].GetProperty("code").GetString());
        var (jsonStatus, json) = await ImportAsync(organizer, contest.ContestId, Encoding.UTF8.GetBytes("[]"), "名单.json");
        Assert.Equal(HttpStatusCode.BadRequest, jsonStatus);
        Assert.Equal("roster.format", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_then_the_import_gives_codes_and_a_second_sheet_skips_who_is_on_the_roster()
    {
        await using var server = LiveGame.Server(nameof(RosterSheetTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        using var organizer = server.CreateHttpClient();
        var sheet = Gbk.GetBytes("姓名,工号,单位,区县,手机\r\n张三,HZ-001,市科协,西湖区,13912345678\r\n\r\n李四,HZ-002,区图书馆,滨江区,\r\n");

        var (dryStatus, dry) = await ImportAsync(organizer, contest.ContestId, sheet, "名单.csv", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, dryStatus);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(2, dry.GetProperty("added").GetInt32());
        Assert.Equal(0, await BoardSizeAsync(server, contest.ContestId));

        var (_, done) = await ImportAsync(organizer, contest.ContestId, sheet, "名单.csv");
        var people = done.GetProperty("people").EnumerateArray().ToList();
        Assert.Equal([2, 4], people.Select(p => p.GetProperty("row").GetInt32()));
        Assert.Equal(["张三", "李四"], people.Select(p => p.GetProperty("name").GetString()));
        Assert.All(people, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("code").GetString())));
        Assert.Equal(2, await BoardSizeAsync(server, contest.ContestId));

        // The same people again in a workbook, with one newcomer: the two are skipped, not doubled.
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["工号"] = "HZ-001", ["姓名"] = "张三" },
            new Dictionary<string, object?> { ["工号"] = "HZ-002", ["姓名"] = "李四" },
            new Dictionary<string, object?> { ["工号"] = "HZ-003", ["姓名"] = "王五" },
        }, excelType: ExcelType.XLSX);
        var (_, again) = await ImportAsync(organizer, contest.ContestId, xlsx.ToArray(), "名单.xlsx", dryRun: true);
        Assert.Equal((1, 2), (again.GetProperty("added").GetInt32(), again.GetProperty("skipped").GetInt32()));
        var (_, second) = await ImportAsync(organizer, contest.ContestId, xlsx.ToArray(), "名单.xlsx");
        Assert.Equal((1, 2), (second.GetProperty("added").GetInt32(), second.GetProperty("skipped").GetInt32()));
        Assert.Equal(3, await BoardSizeAsync(server, contest.ContestId));

        var audit = await organizer.GetFromJsonAsync<JsonElement[]>("/api/audit?take=20");
        Assert.Equal(2, audit!.Count(e => e.GetProperty("action").GetString() == "ImportRoster" && e.GetProperty("outcome").GetString() == "done"));
        Assert.DoesNotContain("13912345678", JsonSerializer.Serialize(audit), StringComparison.Ordinal);
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(anonymous, contest.ContestId, sheet, "名单.csv")).Status);
        var template = await anonymous.GetByteArrayAsync("/api/contests/roster-template.csv");
        Assert.StartsWith("姓名,工号,单位,区县,手机", Encoding.UTF8.GetString(template).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Report)> ImportAsync(HttpClient http, string contestId, byte[] content, string fileName, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await http.PostAsync($"/api/contests/{contestId}/roster/import?dryRun={dryRun}", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 ? JsonDocument.Parse(body).RootElement : default);
    }

    private static async Task<long> BoardSizeAsync(QuizServer server, string contestId)
    {
        using var organizer = server.CreateHttpClient();
        var list = await organizer.GetFromJsonAsync<JsonElement[]>("/api/contests");
        return list!.Single(c => c.GetProperty("contestId").GetString() == contestId).GetProperty("participants").GetInt64();
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
