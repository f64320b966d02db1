using System.Globalization;
using System.Text;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The sheet layout shared by .xlsx and .csv: a header row with the column names organizers use, one question per row.
/// Required: 题型, 题干, 答案. Optional: 编号 (the key re-imports match on), 选项A-选项H, 解析, 分类, 难度, 标签, 图片, 来源,
/// 互斥题 (keys of questions never drawn into the same paper), 复核日期 (review-by date).
/// </summary>
public static class TabularTemplate
{
    public const string KeyColumn = "编号";
    public static readonly IReadOnlyList<string> OptionColumns = [.. Enumerable.Range(0, AnswerNotation.MaxOptions).Select(i => $"选项{AnswerNotation.Letter(i)}")];
    public static readonly IReadOnlyList<string> Headers =
        [KeyColumn, "题型", "题干", .. OptionColumns, "答案", "解析", "分类", "难度", "标签", "图片", "来源", "互斥题", "复核日期"];
    private static readonly string[] Required = ["题型", "题干", "答案"];
    private static readonly char[] TagSeparators = [',', '，', ';', '；', '、', '|'];
    private static readonly char[] KeySeparators = ['|', ','];

    public static string ColumnOf(DraftError error) => error.Field switch
    {
        DraftField.Key => KeyColumn,
        DraftField.Type => "题型",
        DraftField.Stem => "题干",
        DraftField.Options => error.Option is { } i ? OptionColumns[i] : "选项",
        DraftField.Answer => "答案",
        DraftField.Explanation => "解析",
        DraftField.Category => "分类",
        DraftField.Tags => "标签",
        DraftField.Difficulty => "难度",
        DraftField.ImageUrl => "图片",
        DraftField.Source => "来源",
        DraftField.Excludes => "互斥题",
        DraftField.ReviewBy => "复核日期",
        _ => "",
    };

    /// <summary>An uploaded sheet (xlsx or csv) read within the bank's limits; a file refused by them is a report with its one error.</summary>
    public static ParsedFile Read(BankFormat format, ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return Read(BoundedSheet.Rows(format, bytes, SheetLimits.Bank));
        }
        catch (SheetRefused refused)
        {
            return new ParsedFile([], [refused.Error], ColumnOf);
        }
    }

    /// <summary>Reads rows numbered as the sheet shows them; the first non-empty row is the header.</summary>
    public static ParsedFile Read(IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows)
    {
        var errors = new List<ImportError>();
        var drafts = new List<QuestionDraft>();
        Dictionary<string, int>? columns = null;
        foreach (var (row, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue; // blank rows between or after questions are how sheets look
            }
            if (columns is null)
            {
                columns = ReadHeader(row, cells, errors, Headers, Required);
                if (columns is null)
                {
                    return new ParsedFile([], errors, ColumnOf);
                }
                continue;
            }
            drafts.Add(ToDraft(row, cells, columns));
        }
        if (columns is null)
        {
            errors.Add(new ImportError(0, "", BankReasons.SheetEmpty.With(("headers", string.Join(", ", Headers)))));
        }
        else if (drafts.Count == 0)
        {
            errors.Add(new ImportError(0, "", BankReasons.SheetNoQuestions.With()));
        }
        return new ParsedFile(drafts, errors, ColumnOf);
    }

    /// <summary>One row per question, in the order of <see cref="Headers"/>.</summary>
    public static IEnumerable<string[]> Rows(IEnumerable<Question> questions) =>
        questions.Select(q => (string[])[
            q.Key ?? "",
            QuestionTypeNames.Chinese(q.Type),
            q.Stem,
            .. Enumerable.Range(0, AnswerNotation.MaxOptions).Select(i => q.Type != QuestionType.TrueFalse && i < q.Options.Count ? q.Options[i] : ""),
            AnswerNotation.Format(q.Type, q.Answer),
            q.Explanation,
            q.Category,
            q.Difficulty.ToString(CultureInfo.InvariantCulture),
            string.Join(',', q.Tags),
            q.ImageUrl ?? "",
            q.Source ?? "",
            string.Join('|', q.Excludes),
            q.ReviewBy is { } reviewBy ? ReviewDates.Format(reviewBy) : "",
        ]);

    /// <summary>Question keys as a sheet cell holds them: separated by | or , (keys themselves may hold 、 or spaces).</summary>
    public static IReadOnlyList<string> SplitKeys(string? cell) =>
        (cell ?? "").Split(KeySeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Two example rows for the template download.</summary>
    public static IEnumerable<string[]> ExampleRows() =>
    [
        [.. "demo-001,单选,我国提出二氧化碳排放力争在哪一年前达到峰值?,2025年,2030年,2035年,2050年,,,,,B,“双碳”目标:2030年前碳达峰。,碳达峰碳中和/政策与目标,1,双碳,,示例,,".Split(',')],
        [.. "demo-002,填空,植物通过____作用吸收二氧化碳。,,,,,,,,,光合|光合作用,绿色植物利用光能把二氧化碳和水合成有机物。,生命健康/基础知识,2,光合作用,,示例,,".Split(',')],
    ];

    /// <summary>A header row's columns by name (of <paramref name="headers"/>), or null with the errors: missing, repeated, unknown.</summary>
    internal static Dictionary<string, int>? ReadHeader(int row, IReadOnlyList<string> cells, List<ImportError> errors,
        IReadOnlyList<string> headers, IReadOnlyList<string> required)
    {
        var columns = new Dictionary<string, int>();
        var unknown = new List<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var name = HeaderName(cells[i]);
            if (name.Length == 0)
            {
                continue;
            }
            if (!headers.Contains(name))
            {
                unknown.Add(name);
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(row, name, BankReasons.HeaderRepeat.With(("column", name))));
            }
        }
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            (string, object) lacks = ("missing", string.Join(", ", missing)), expected = ("headers", string.Join(", ", headers));
            errors.Add(new ImportError(row, "", unknown.Count > 0
                ? BankReasons.HeaderMissingUnknown.With(lacks, ("unknown", string.Join(", ", unknown.Take(10))), expected)
                : BankReasons.HeaderMissing.With(lacks, expected)));
        }
        return errors.Count > 0 ? null : columns;
    }

    // "选项 A", "选项Ａ" and " 题型 " are what hand-edited headers look like.
    private static string HeaderName(string cell) =>
        new((cell ?? "").Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c != '\uFEFF').ToArray());

    private static QuestionDraft ToDraft(int row, IReadOnlyList<string> cells, Dictionary<string, int> columns)
    {
        string? Cell(string name) => columns.TryGetValue(name, out var i) && i < cells.Count ? cells[i] : null;
        return new QuestionDraft
        {
            Row = row,
            Key = Cell(KeyColumn),
            Type = Cell("题型"),
            Stem = Cell("题干"),
            Options = [.. OptionColumns.Select(c => Cell(c) ?? "")],
            Answer = Cell("答案"),
            Explanation = Cell("解析"),
            Category = Cell("分类"),
            Difficulty = Cell("难度"),
            Tags = (Cell("标签") ?? "").Split(TagSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            ImageUrl = Cell("图片"),
            Source = Cell("来源"),
            Excludes = SplitKeys(Cell("互斥题")),
            ReviewBy = Cell("复核日期"),
        };
    }
}
