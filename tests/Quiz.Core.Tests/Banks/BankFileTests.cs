using System.IO.Compression;
using System.Text;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;

namespace Quiz.Core.Tests.Banks;

/// <summary>Every format round-trips every question type, and every bad file gives errors, never an exception.</summary>
public sealed class BankFileTests
{
    private static (IReadOnlyList<Question> Questions, IReadOnlyList<ImportError> Errors) Read(BankFormat format, byte[] bytes) =>
        ImportPlan.Check(BankFiles.Read(format, bytes));

    [Theory]
    [InlineData(BankFormat.Xlsx)]
    [InlineData(BankFormat.Csv)]
    [InlineData(BankFormat.Json)]
    [InlineData(BankFormat.Gift)]
    public void Export_then_import_gives_the_same_questions(BankFormat format)
    {
        var questions = Samples.AllTypes();
        var (read, errors) = Read(format, BankFiles.Write(format, questions));
        Assert.Empty(errors);
        Samples.AssertSameContent(questions, read);
    }

    [Theory]
    [InlineData(BankFormat.Xlsx)]
    [InlineData(BankFormat.Csv)]
    public void The_template_imports_cleanly(BankFormat format)
    {
        var (read, errors) = Read(format, BankFiles.Template(format));
        Assert.Empty(errors);
        Assert.Equal(2, read.Count);
    }

    [Theory]
    [InlineData(BankFormat.Xlsx)]
    [InlineData(BankFormat.Csv)]
    [InlineData(BankFormat.Json)]
    [InlineData(BankFormat.Gift)]
    public void An_empty_file_is_one_error(BankFormat format)
    {
        var error = Assert.Single(Read(format, []).Errors);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_header_only_sheet_has_no_questions() =>
        Assert.Contains("no questions", Assert.Single(Read(BankFormat.Csv, Csv(Header())).Errors).Message);

    [Fact]
    public void Wrong_headers_name_what_is_missing()
    {
        var error = Assert.Single(Read(BankFormat.Csv, Csv("type,stem,answer", "single,x,A")).Errors);
        Assert.Equal(1, error.Row);
        Assert.Contains("题型", error.Message);
        Assert.Contains("not recognised: type", error.Message);
    }

    [Fact]
    public void Errors_carry_the_row_as_excel_shows_it_and_the_column_name()
    {
        var csv = Csv(Header(), Row("单选", "好题", "甲,乙", "A"), "", Row("选择题", "坏题", "甲,乙", "A"), Row("单选", "也坏", "甲,乙", "C"));
        var errors = Read(BankFormat.Csv, csv).Errors;
        Assert.Equal(2, errors.Count);
        Assert.Equal((4, "题型"), (errors[0].Row, errors[0].Column));
        Assert.Equal((5, "答案"), (errors[1].Row, errors[1].Column));
    }

    [Fact]
    public void Duplicate_rows_are_errors_naming_the_first()
    {
        var errors = Read(BankFormat.Csv, Csv(Header(), Row("单选", "同一题", "甲,乙", "A"), Row("单选", " 同一题", "甲,乙", "B"))).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("duplicates row 2", error.Message);
    }

    [Fact]
    public void Gb18030_csv_reads_like_utf8()
    {
        var text = string.Join("\r\n", Header(), Row("判断", "水在标准大气压下100℃沸腾。", "", "对"));
        var gbk = CodePages().GetBytes(text);
        var (read, errors) = Read(BankFormat.Csv, gbk);
        Assert.Empty(errors);
        Assert.Equal("水在标准大气压下100℃沸腾。", Assert.Single(read).Stem);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_named_as_the_problem()
    {
        var bytes = Encoding.Unicode.GetBytes(Header());
        Assert.Contains("UTF-8", Assert.Single(Read(BankFormat.Csv, bytes).Errors).Message);
    }

    [Fact]
    public void A_five_megabyte_cell_is_an_error_on_its_cell()
    {
        var huge = new string('字', 5 * 1024 * 1024);
        foreach (var format in new[] { BankFormat.Csv, BankFormat.Xlsx })
        {
            var q = Samples.AllTypes()[0] with { Stem = huge };
            var error = Assert.Single(Read(format, BankFiles.Write(format, [q])).Errors);
            // 题干 is the third column; a CSV record longer than every column at the limit is refused before it is split.
            Assert.Equal((2, format == BankFormat.Xlsx ? "C" : "", "sheet.limitCell"), (error.Row, error.Column, error.Code));
            Assert.Contains("more than 32,767 characters", error.Message);
        }
    }

    [Fact]
    public void A_stem_longer_than_a_stem_but_within_a_cell_is_too_long_on_its_column()
    {
        foreach (var format in new[] { BankFormat.Csv, BankFormat.Xlsx })
        {
            var q = Samples.AllTypes()[0] with { Stem = new string('字', QuestionRules.MaxStem + 1) };
            var error = Assert.Single(Read(format, BankFiles.Write(format, [q])).Errors);
            Assert.Equal((2, "题干", "text.tooLong"), (error.Row, error.Column, error.Code));
        }
    }

    [Fact]
    public void A_truncated_xlsx_is_an_error_not_an_exception()
    {
        var whole = BankFiles.Write(BankFormat.Xlsx, Samples.AllTypes());
        var error = Assert.Single(Read(BankFormat.Xlsx, whole[..(whole.Length / 2)]).Errors);
        Assert.Contains("not a readable .xlsx", error.Message);
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_and_a_csv_sent_as_xlsx_are_errors()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("hello.txt");
        }
        Assert.Single(Read(BankFormat.Xlsx, zip.ToArray()).Errors);
        Assert.Single(Read(BankFormat.Xlsx, Csv(Header())).Errors);
    }

    [Fact]
    public void Malformed_json_reports_where()
    {
        Assert.Contains("not valid JSON", Assert.Single(Read(BankFormat.Json, "{\"questions\": [ {"u8.ToArray()).Errors).Message);
        Assert.Contains("unknown format", Assert.Single(Read(BankFormat.Json, "{\"format\":\"x/9\",\"questions\":[]}"u8.ToArray()).Errors).Message);
    }

    [Fact]
    public void Json_errors_name_the_question_and_property()
    {
        var json = """{"format":"quiz-bank/1","questions":[{"type":"single","stem":"x","options":["a","b"],"answer":"B"},{"type":"single","stem":"y","options":"a,b","answr":"A"}]}""";
        var errors = Read(BankFormat.Json, Encoding.UTF8.GetBytes(json)).Errors;
        Assert.Contains(errors, e => e is { Row: 2, Column: "answr" });
        Assert.Contains(errors, e => e is { Row: 2, Column: "options" });
        Assert.DoesNotContain(errors, e => e.Row == 1);
    }

    [Fact]
    public void Moodle_gift_as_moodle_writes_it()
    {
        var gift = """
            // a comment
            $CATEGORY: $course$/top/科学常识/天文

            ::地球::地球是太阳系的第几颗行星? {~第二颗 =第三颗#对 ~第四颗}

            ::光年::光年是时间单位。{F}

            水的化学式是 {=H2O =H₂O} 。

            ::多选::下列是行星的是{
              ~%50%火星
              ~%50%木星
              ~%-100%月球
              ####月球是卫星。
            }
            """;
        var (read, errors) = Read(BankFormat.Gift, Encoding.UTF8.GetBytes(gift));
        Assert.Empty(errors);
        Assert.Equal([QuestionType.Single, QuestionType.TrueFalse, QuestionType.Fill, QuestionType.Multiple], read.Select(q => q.Type));
        Assert.All(read, q => Assert.Equal("科学常识/天文", q.Category));
        Assert.Equal(AnswerKey.Choice(1), read[0].Answer);
        Assert.Equal("水的化学式是 ____ 。", read[2].Stem);
        Assert.Equal(AnswerKey.Choice(0, 1), read[3].Answer);
        Assert.Equal("月球是卫星。", read[3].Explanation);
    }

    [Fact]
    public void Gift_without_an_answer_block_names_its_line()
    {
        var error = Assert.Single(Read(BankFormat.Gift, "\n\n没有答案的题\n"u8.ToArray()).Errors);
        Assert.Equal(3, error.Row);
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static string Header() => string.Join(',', TabularTemplate.Headers);

    private static string Row(string type, string stem, string options, string answer)
    {
        var cells = options.Split(',').Concat(Enumerable.Repeat("", 8)).Take(8);
        return string.Join(',', ["", type, stem, .. cells, answer, "", "", "", "", "", ""]);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
}
