using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Banks;

/// <summary>Every format over HTTP, dry runs, re-imports, bad files and their coded errors, export round trips, upload limits.</summary>
public sealed class ImportApiTests : IAsyncLifetime
{
    private QuizServer _server = null!;
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _server = new QuizServer(nameof(ImportApiTests), BankClient.NoSample());
        _http = _server.CreateHttpClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("gift")]
    public async Task Each_format_imports_exports_and_reimports_without_duplicates(string extension)
    {
        Assert.True(BankFormats.TryParse(extension, out var format));
        var bank = await _http.CreateBankAsync("导入 " + extension);
        var file = BankFiles.Write(format, Questions());

        var (response, report) = await _http.ImportAsync(bank.Id, file, "bank." + extension);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((true, 5, 0, 0), (report.Ok, report.Added, report.Updated, report.Unchanged));

        var exported = await _http.GetByteArrayAsync($"/api/banks/{bank.Id}/export?format={extension}");
        var (_, again) = await _http.ImportAsync(bank.Id, exported, "again." + extension);
        Assert.Equal((true, 0, 0, 5), (again.Ok, again.Added, again.Updated, again.Unchanged));
        Assert.Equal(5, (await _http.SearchAsync(bank.Id)).Total);
    }

    [Fact]
    public async Task A_dry_run_reports_and_writes_nothing()
    {
        var bank = await _http.CreateBankAsync("dry");
        var (_, report) = await _http.ImportAsync(bank.Id, BankFiles.Write(BankFormat.Json, Questions()), "q.json", dryRun: true);
        Assert.Equal((true, true, 5), (report.Ok, report.DryRun, report.Added));
        Assert.Equal(0, (await _http.SearchAsync(bank.Id)).Total);
    }

    [Fact]
    public async Task A_changed_row_updates_its_question_and_its_version()
    {
        var bank = await _http.CreateBankAsync("versions");
        await _http.ImportAsync(bank.Id, BankFiles.Write(BankFormat.Csv, Questions()), "q.csv");
        var changed = Questions().Select(q => q.Key == "s1" ? q with { Explanation = "改过的解析" } : q).ToArray();
        var (_, report) = await _http.ImportAsync(bank.Id, BankFiles.Write(BankFormat.Csv, changed), "q.csv");
        Assert.Equal((0, 1, 4), (report.Added, report.Updated, report.Unchanged));
        var q = Assert.Single((await _http.SearchAsync(bank.Id, "text=改过")).Items);
        Assert.Equal(2, q.Version);
    }

    [Fact]
    public async Task A_file_with_errors_imports_nothing_and_lists_every_error()
    {
        var bank = await _http.CreateBankAsync("errors");
        await _http.ImportAsync(bank.Id, BankFiles.Write(BankFormat.Json, Questions().Take(2)), "ok.json");
        var bad = Questions().Select((q, i) => i == 1 ? q with { Stem = "新题干" } : q).Append(Questions()[0] with { Key = "x9", Stem = "另一题" }).ToList();
        var csv = Encoding.UTF8.GetString(BankFiles.Write(BankFormat.Csv, bad))
            .Replace("单选", "选择题", StringComparison.Ordinal); // both single-choice rows now have an unknown type
        var (response, report) = await _http.ImportAsync(bank.Id, Encoding.UTF8.GetBytes(csv), "bad.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(report.Ok);
        Assert.Equal([(2, "题型"), (7, "题型")], report.Errors.Select(e => (e.Row, e.Column)));
        Assert.Equal(2, (await _http.SearchAsync(bank.Id)).Total);
        Assert.Empty((await _http.SearchAsync(bank.Id, "text=新题干")).Items);
    }

    [Fact]
    public async Task Bad_files_get_reports_not_failures()
    {
        var bank = await _http.CreateBankAsync("bad files");
        var xlsx = BankFiles.Write(BankFormat.Xlsx, Questions());
        var cases = new (byte[] Content, string Name, string Expect)[]
        {
            ([], "empty.csv", "empty"),
            (xlsx[..(xlsx.Length / 2)], "cut.xlsx", "not a readable .xlsx"),
            ("题目,答案\n1,A"u8.ToArray(), "headers.csv", "lacks 题型"),
            (Encoding.Unicode.GetBytes("题型,题干,答案"), "utf16.csv", "UTF-8"),
            ("{\"questions\": [ {"u8.ToArray(), "broken.json", "not valid JSON"),
            ("no braces here"u8.ToArray(), "q.gift", "no answer block"),
        };
        foreach (var (content, name, expect) in cases)
        {
            var (response, report) = await _http.ImportAsync(bank.Id, content, name);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(report.Errors, e => e.Message.Contains(expect, StringComparison.Ordinal));
        }
        Assert.Equal(0, (await _http.SearchAsync(bank.Id)).Total);
    }

    [Fact]
    public async Task Gbk_csv_and_a_five_megabyte_cell()
    {
        var bank = await _http.CreateBankAsync("encodings");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var utf8 = Encoding.UTF8.GetString(BankFiles.Write(BankFormat.Csv, Questions())).TrimStart('\uFEFF');
        var (_, report) = await _http.ImportAsync(bank.Id, Encoding.GetEncoding("GBK").GetBytes(utf8), "gbk.csv");
        Assert.Equal((true, 5), (report.Ok, report.Added));

        var huge = BankFiles.Write(BankFormat.Csv, [Questions()[0] with { Key = "big", Explanation = new string('长', 5 * 1024 * 1024) }]);
        var (response, bigReport) = await _http.ImportAsync(bank.Id, huge, "big.csv");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode); // past the cell limit of a sheet: the report names it
        Assert.Equal((2, "sheet.limitCell"), (bigReport.Errors[0].Row, bigReport.Errors[0].Code));
    }

    [Fact]
    public async Task Uploads_over_twenty_megabytes_are_refused_with_413()
    {
        var bank = await _http.CreateBankAsync("big");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[21 * 1024 * 1024]), "file", "big.csv" } };
        var response = await _http.PostAsync($"/api/banks/{bank.Id}/import", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("20 MB", body);
        Assert.Contains("\"reason\":\"upload.tooLarge\"", body);
    }

    [Fact]
    public async Task Templates_download_and_import_cleanly()
    {
        var bank = await _http.CreateBankAsync("template");
        foreach (var name in new[] { "template.xlsx", "template.csv" })
        {
            var template = await _http.GetByteArrayAsync($"/api/banks/{name}");
            var (_, report) = await _http.ImportAsync(bank.Id, template, name, dryRun: true);
            Assert.Equal((true, 2), (report.Ok, report.Added));
        }
    }

    [Fact]
    public async Task Importing_into_a_missing_bank_is_404()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(BankFiles.Write(BankFormat.Json, Questions())), "file", "q.json" } };
        Assert.Equal(HttpStatusCode.NotFound, (await _http.PostAsync("/api/banks/nosuchbank/import", form)).StatusCode);
    }

    [Fact]
    public async Task Import_errors_carry_code_args_and_field_in_every_format()
    {
        var bank = await _http.CreateBankAsync("reasons");
        var csv = "题型,题干,选项A,选项B,选项C,选项D,答案,难度\r\n单选,题一,甲,乙,丙,丁,E,2\r\n问答,题二,,,,,略,难\r\n"u8.ToArray();
        var (response, report) = await _http.ImportAsync(bank.Id, csv, "bad.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = Assert.Single(report.Errors, e => e.Code == "answer.notAnOption");
        Assert.Equal((2, "答案", "answer"), (answer.Row, answer.Column, answer.Field));
        Assert.Equal(("E", "4", "D"), (answer.Args["letter"], answer.Args["count"], answer.Args["last"]));
        Assert.Equal("answer E is not among the options (there are 4, A-D)", answer.Message);
        var type = Assert.Single(report.Errors, e => e.Code == "type.unknown");
        Assert.Equal((3, "题型", "type", "问答"), (type.Row, type.Column, type.Field, type.Args["value"]));
        var difficulty = Assert.Single(report.Errors, e => e.Code == "difficulty.invalid");
        Assert.Equal((3, "难度", "难"), (difficulty.Row, difficulty.Column, difficulty.Args["value"]));

        var json = """[{"type": "single", "stem": "题", "options": ["甲", "甲"], "answer": "A"}]"""u8.ToArray();
        var (_, jsonReport) = await _http.ImportAsync(bank.Id, json, "bad.json");
        var repeat = Assert.Single(jsonReport.Errors);
        Assert.Equal(("option.repeat", "options[1]", "options[1]", "B", "A"),
            (repeat.Code, repeat.Column, repeat.Field, repeat.Args["option"], repeat.Args["first"]));

        var (_, empty) = await _http.ImportAsync(bank.Id, [], "empty.csv");
        Assert.Equal(("file.empty", 0, "", ""), (empty.Errors[0].Code, empty.Errors[0].Row, empty.Errors[0].Column, empty.Errors[0].Field));
    }

    [Fact]
    public async Task Upload_and_export_problems_carry_their_reason()
    {
        var bank = await _http.CreateBankAsync("uploads");
        var unknown = await _http.PostAsync($"/api/banks/{bank.Id}/import", new ByteArrayContent(Encoding.UTF8.GetBytes("题型,题干,答案")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("upload.format", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var missing = await _http.PostAsync($"/api/banks/{bank.Id}/import", noFile);
        Assert.Equal("upload.noFile", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());

        var export = await _http.GetAsync($"/api/banks/{bank.Id}/export?format=docx");
        var problem = await export.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("export.format", "docx"), (problem.GetProperty("reason").GetString(), problem.GetProperty("args").GetProperty("value").GetString()));
    }

    private static Question[] Questions() =>
    [
        Make("s1", QuestionType.Single, "我国提出碳达峰的年份是?", ["2025年", "2030年", "2035年"], AnswerKey.Choice(1)),
        Make("m1", QuestionType.Multiple, "下列属于可再生能源的是, 含 \"引号\" 与 {括号}", ["太阳能", "风能", "煤炭"], AnswerKey.Choice(0, 1)),
        Make("t1", QuestionType.TrueFalse, "光年是时间单位。", Question.TrueFalseOptions, AnswerKey.Choice(1)),
        Make("f1", QuestionType.Fill, "植物吸收____进行光合作用。", [], AnswerKey.Texts("二氧化碳", "CO2")),
        Make("o1", QuestionType.Ordering, "按从小到大排列", ["原子", "分子", "细胞"], AnswerKey.Choice(0, 1, 2)),
    ];

    private static Question Make(string key, QuestionType type, string stem, IReadOnlyList<string> options, AnswerKey answer) => new()
    {
        Id = "", BankId = "", Key = key, Type = type, Stem = stem, Options = options, Answer = answer,
        Explanation = "解析", Category = "测试/导入", Tags = ["测试"], Difficulty = 2,
    };
}
