using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Tests.Banks;

/// <summary>Every bank error code has an English and a Chinese text, and every reason the rules give is one of them.</summary>
public sealed class BankReasonsTests
{
    // Produced by the server's upload handling or a bank's stored state, and checked by the server tests.
    // sheet.limitUnpacked needs a 100 MB workbook: Banks/SheetLimitsTests builds one.
    private static readonly string[] OutsideTheCorpus = ["upload.format", "upload.busy", "upload.noFile", "upload.unreadable", "upload.tooLarge", "export.format", "key.taken",
        "sheet.limitUnpacked"];

    public static TheoryData<string> Tables => ["banks", "stage", "roster", "assessment"];

    private static IReadOnlyList<ReasonText> Table(string table) => table switch
    {
        "banks" => BankReasons.All,
        "stage" => Quiz.Core.Stage.StageReasons.All,
        "roster" => Quiz.Core.Contests.RosterReasons.All,
        _ => Quiz.Core.Assessment.AssessmentReasons.All,
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_code_is_unique_and_has_an_english_and_a_chinese_text(string table)
    {
        var all = Table(table);
        Assert.NotEmpty(all);
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct().Count());
        var others = new[] { "banks", "stage", "roster", "assessment" }.Where(t => t != table).SelectMany(t => Table(t).Select(r => r.Code)).ToHashSet();
        Assert.DoesNotContain(all, r => others.Contains(r.Code)); // codes never collide across tables
        foreach (var text in all)
        {
            Assert.Matches(@"^[a-z]+(\.[a-zA-Z]+)+$", text.Code);
            Assert.False(string.IsNullOrWhiteSpace(text.English), text.Code);
            Assert.Matches("[a-z]{3}", text.English);
            Assert.Matches(@"[\u4e00-\u9fff]", text.Chinese);
            // The Chinese may leave out a detail (how many options there are), never need one the English lacks.
            Assert.Subset(ArgumentsOf(text.English), ArgumentsOf(text.Chinese));
        }
    }

    [Fact]
    public void Every_reason_the_rules_give_has_a_known_code_and_every_argument_its_texts_use()
    {
        var texts = BankReasons.All.ToDictionary(r => r.Code);
        foreach (var (source, reason) in BadInputs.Reasons())
        {
            Assert.True(texts.TryGetValue(reason.Code, out var text), $"{source}: '{reason.Code}' is not in BankReasons");
            Assert.Equal(ArgumentsOf(text!.English), reason.Args.Keys.ToHashSet());
            Assert.Equal(ReasonText.Render(text.English, reason.Args), reason.Message);
        }
    }

    [Fact]
    public void Every_code_in_the_table_can_occur()
    {
        var seen = BadInputs.Reasons().Select(r => r.Reason.Code).Concat(OutsideTheCorpus).ToHashSet();
        var never = BankReasons.All.Select(r => r.Code).Except(seen).ToList();
        Assert.True(never.Count == 0, "no input in the corpus gives " + string.Join(", ", never));
    }

    [Theory]
    [InlineData("stem.empty", new string[0], "题干为空")]
    [InlineData("options.count", new[] { "min", "2", "max", "8", "count", "1" }, "需要 2 到 8 个选项，实际 1 个")]
    [InlineData("difficulty.invalid", new[] { "value", "x" }, "难度应为 1 到 5 的整数，而不是“x”")]
    [InlineData("answer.notAnOption", new[] { "letter", "E", "count", "4", "last", "D" }, "答案“E”不是有效选项（该题只有 A–D）")]
    public void The_chinese_reads_naturally(string code, string[] pairs, string expected)
    {
        var args = pairs.Chunk(2).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(expected, ReasonText.Render(BankReasons.All.Single(r => r.Code == code).Chinese, args));
    }

    [Fact]
    public void A_bad_answer_gives_its_code_the_value_and_both_languages()
    {
        var errors = new List<DraftError>();
        QuestionRules.Check(new QuestionDraft { Type = "单选", Stem = "题干", Options = ["甲", "乙", "丙", "丁"], Answer = "E" }, errors);
        var reason = Assert.Single(errors).Reason;
        Assert.Equal(("answer.notAnOption", "E", "D"), (reason.Code, reason.Args["letter"], reason.Args["last"]));
        Assert.Equal("answer E is not among the options (there are 4, A-D)", reason.Message);
        Assert.Equal("答案“E”不是有效选项（该题只有 A–D）", ReasonText.Render(BankReasons.AnswerNotAnOption.Chinese, reason.Args));
    }

    [Fact]
    public void The_import_formats_document_lists_every_code_with_its_texts()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Quiz.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var document = File.ReadAllText(Path.Combine(root.FullName, "docs", "import-formats.md"));
        foreach (var text in BankReasons.All)
        {
            var row = $"| `{text.Code}` | {text.English.Replace("|", "\\|", StringComparison.Ordinal)} | {text.Chinese.Replace("|", "\\|", StringComparison.Ordinal)} |";
            Assert.True(document.Contains(row, StringComparison.Ordinal), $"docs/import-formats.md lacks or differs from: {row}");
        }
    }

    private static HashSet<string> ArgumentsOf(string template) => [.. ReasonText.Placeholders(template)];
}
