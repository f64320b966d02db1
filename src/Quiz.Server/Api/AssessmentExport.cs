using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Quiz.Core.Assessment;

namespace Quiz.Server.Api;

/// <summary>
/// The indicator as a table (CSV with a BOM for Excel, or xlsx): one row for the city and each district, the same
/// figures as the dashboard, suppressed districts without shares, a district's status instead of figures when its
/// margins cannot be met, and, as the last rows, what the share counts and the caveat, in Chinese and English.
/// </summary>
internal static class AssessmentExport
{
    private static readonly string[] Headers =
    [
        "区县", "目标(%)", "计入人数", "有完整画像人数", "原始比例(%)", "原始下限(%)", "原始上限(%)",
        "加权比例(%)", "加权下限(%)", "加权上限(%)", "有效样本量", "截尾前有效样本量", "截尾权重数", "人口(性别合计)",
        "判断", "标记", "状态", "加权覆盖区县", "高阶", "具备", "基本具备", "较低",
        .. AssessmentDefaults.Split.Select(s => $"{s.Category}均分"),
    ];

    public static IEnumerable<string[]> Rows(AssessmentReport report)
    {
        yield return Headers;
        foreach (var area in report.Districts.Prepend(report.City))
        {
            yield return
            [
                area.Area, N(area.Target), N(area.Respondents), N(area.Weightable),
                N(area.Raw?.Share), N(area.Raw?.Low), N(area.Raw?.High),
                N(area.Weighted?.Share), N(area.Weighted?.Low), N(area.Weighted?.High), N(area.EffectiveN),
                N(area.Weighting?.EffectiveNUntrimmed), N(area.Weighting?.Trimmed), N(area.Weighting?.Population),
                area.Verdict is { } v ? Verdict.Chinese(v) : "", area.Suppressed ? "样本不足" : area.Flagged ? "样本偏少" : "",
                string.Join(" ", new[] { area.Status, area.Weighting?.Note }.OfType<Core.Common.Reason>().Select(AssessmentReasons.Chinese)),
                area.Covers is { } covers ? string.Join("、", covers) : "",
                .. LiteracyTiers.Cuts.Select(c => area.Tiers is { } t ? N(t[c.Tier]) : ""),
                .. AssessmentDefaults.Split.Select(s => N(area.DimensionMeans?.GetValueOrDefault(s.Category))),
            ];
        }
        foreach (var note in Notes(report.LineName, report.LineNameEnglish, report.Caveat, report.CaveatEnglish))
        {
            yield return note;
        }
    }

    /// <summary>The closing rows of every assessment export: what the share counts and the caveat, both languages.</summary>
    public static IEnumerable<string[]> Notes(string line, string lineEnglish, string caveat, string caveatEnglish) =>
    [
        [$"比例：{line}"], [$"Share: {lineEnglish}"], [$"说明：{caveat}"], [$"Note: {caveatEnglish}"],
    ];

    public static byte[] Csv(IEnumerable<string[]> rows)
    {
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>The first row as the header, the rest as rows (numbers as numbers, so a spreadsheet can sort and chart them).</summary>
    public static byte[] Xlsx(IEnumerable<string[]> table)
    {
        var rows = table.ToList();
        var headers = rows[0];
        var sheet = rows.Skip(1).Select(r => headers.Select((h, i) => (h, v: Cell(i < r.Length ? r[i] : ""))).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static object Cell(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;

    internal static string N(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    // Formula characters are defused, as in the round exports: an item's stem comes from a bank anyone may have written.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value : value).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
