using System.Text;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;
using Quiz.Core.Features.Banks;

namespace Quiz.Core.Tests.Banks;

/// <summary>
/// A corpus of bad drafts, files and requests, one or more per thing that can be wrong, so tests can check that
/// every reason the rules give has a code with both texts and that every code in the table can actually occur.
/// </summary>
internal static class BadInputs
{
    private static readonly QuestionDraft Single = new() { Type = "单选", Stem = "题干", Options = ["甲", "乙", "丙", "丁"], Answer = "B" };

    public static IEnumerable<QuestionDraft> Drafts() =>
    [
        Single with { Stem = "" },
        Single with { Type = "" },
        Single with { Type = "问答" },
        new QuestionDraft { Type = "判断", Stem = "题干", Options = ["甲"], Answer = "对" },
        new QuestionDraft { Type = "填空", Stem = "题干", Options = ["甲"], Answer = "甲" },
        Single with { Options = ["甲"], Answer = "A" },
        Single with { Options = ["甲", "", "丙"] },
        Single with { Options = ["甲", "甲"] },
        Single with { Options = ["甲", new string('长', QuestionRules.MaxOption + 1)] },
        Single with { Explanation = new string('长', QuestionRules.MaxExplanation + 1) },
        Single with { Tags = [.. Enumerable.Range(0, QuestionRules.MaxTags + 1).Select(i => $"t{i}")] },
        Single with { Tags = [new string('签', QuestionRules.MaxTag + 1)] },
        Single with { Difficulty = "x" },
        Single with { ImageUrl = "ftp://example.com/a.png" },
        Single with { Answer = "" },
        Single with { Answer = "1" },
        Single with { Answer = "E" },
        Single with { Answer = "AB" },
        Single with { Type = "多选", Answer = "AAB" },
        Single with { Type = "多选", Answer = "A" },
        Single with { Type = "排序", Answer = "CAB" },
        new QuestionDraft { Type = "判断", Stem = "题干", Answer = "也许" },
        new QuestionDraft { Type = "填空", Stem = "题干", Answer = "|" },
        Single with { Excludes = [.. Enumerable.Range(0, QuestionRules.MaxExcludes + 1).Select(i => $"k{i}")] },
        Single with { Key = "k1", Excludes = ["k1"] },
        Single with { Excludes = ["k1|k2"] },
        Single with { ReviewBy = "2027-02-30" },
        Single with { Stem = "题\u0000干" },
        Single with { Stem = "\u202E干题" },
        Single with { Options = ["甲", "\u200B"] },
        Single with { Explanation = "\u0301" },
        Single with { Stem = "题\u0301\u0302\u0303\u0304\u0305" },
        Single with { Stem = "题\uD800" },
        Single with { Tags = ["标\u200B签"] },
    ];

    public static IEnumerable<(BankFormat Format, byte[] Bytes)> Files()
    {
        static (BankFormat, byte[]) Csv(string text) => (BankFormat.Csv, Encoding.UTF8.GetBytes(text));
        static (BankFormat, byte[]) Json(string text) => (BankFormat.Json, Encoding.UTF8.GetBytes(text));
        static (BankFormat, byte[]) Gift(string text) => (BankFormat.Gift, Encoding.UTF8.GetBytes(text));
        return
        [
            (BankFormat.Csv, []),
            (BankFormat.Csv, Encoding.Unicode.GetBytes("题型,题干,答案")),
            Csv("题型,题干,答案\r\n单选,\"题\"干\",A\r\n"),
            (BankFormat.Xlsx, "PK not really a workbook"u8.ToArray()),
            Csv("\r\n,,\r\n"),
            Csv("题型,题干,答案\r\n"),
            Csv("题型,题型,题干,答案\r\n单选,单选,题干,A\r\n"),
            Csv("题型,答案\r\n单选,A\r\n"),
            Csv("题目,答案\r\n单选,A\r\n"),
            Csv("编号,题型,题干,选项A,选项B,答案\r\nk1,单选,一,甲,乙,A\r\nk1,单选,二,甲,乙,A\r\n,单选,三,甲,乙,A\r\n,单选,三,甲,乙,A\r\n"),
            Csv("题型,题干,答案\r\n单选," + new string('长', SheetLimits.ExcelCellChars + 1) + ",A\r\n"),
            Csv("题型,题干,答案\r\n" + new string(',', SheetLimits.Bank.MaxColumns) + "\r\n"),
            Csv(string.Concat(Enumerable.Repeat("\r\n", SheetLimits.Bank.MaxRows + 1))),
            Json("{\"questions\": [ {"),
            (BankFormat.Json, [(byte)'"', 0xFF, (byte)'"']),
            Json("42"),
            Json("{\"format\": \"x/9\", \"questions\": []}"),
            Json("[1]"),
            Json("[]"),
            Json("[{\"type\": \"single\", \"stem\": true, \"options\": \"甲\", \"answr\": \"A\"}]"),
            Gift("// nothing but a comment\n"),
            Gift("// quiz: [1]\n::k1:: 水是液体。 {T}\n"),
            Gift("::k1 水是液体。 {T}\n"),
            Gift("no braces here\n"),
            Gift("题干 {=甲 ~乙\n"),
            Gift("题干 {#3:1}\n"),
            Gift("题干 {}\n"),
            Gift("题干 {=甲 -> 一 =乙 -> 二}\n"),
            Gift(string.Concat(Enumerable.Repeat("水是液体。 {T}\n\n", SheetLimits.Bank.MaxRows + 2))),
        ];
    }

    /// <summary>Every reason the corpus gives, from the rules, the readers, the plan against a full bank and the requests.</summary>
    public static IEnumerable<(string Source, Reason Reason)> Reasons()
    {
        foreach (var draft in Drafts())
        {
            var errors = new List<DraftError>();
            QuestionRules.Check(draft, errors);
            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                yield return ($"draft {draft.Stem}/{draft.Answer}", error.Reason);
            }
        }
        foreach (var (format, bytes) in Files())
        {
            var (_, errors) = ImportPlan.Check(BankFiles.Read(format, bytes));
            Assert.NotEmpty(errors);
            foreach (var error in errors)
            {
                yield return ($"{format} file, row {error.Row}", error.Reason);
            }
        }
        yield return ("a full bank", FullBankError());
        foreach (var error in new CreateBank("").Validate().Concat(new RenameBank("b", new string('名', 101)).Validate())
            .Concat(new GetImportTemplate(BankFormat.Json).Validate()))
        {
            yield return ($"request {error.Field}", new Reason(error.Code!, error.Message, error.Args!));
        }
    }

    private static Reason FullBankError()
    {
        var now = DateTimeOffset.UnixEpoch;
        var stored = Enumerable.Range(0, ImportPlan.MaxQuestionsPerBank)
            .Select(i => Samples.AllTypes()[0] with { Id = $"q{i}", Key = $"k{i}" }).ToList();
        var bank = new BankContents(new Bank("b", "bank", stored.Count, now, now), 1, stored);
        var plan = ImportPlan.Against(bank, [Samples.AllTypes()[0] with { Key = "one-more" }], now, () => "new");
        return Assert.Single(plan.Errors).Reason;
    }
}
