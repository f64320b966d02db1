using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Quiz.Core.Assessment;

namespace Quiz.Server.Api;

/// <summary>
/// The indicator as a table (CSV with a BOM for Excel, or xlsx): one row for the city and each district, the same
/// figures as the dashboard, suppressed districts without shares, and the caveat as the last row.
/// </summary>
internal static class AssessmentExport
{
    private static readonly string[] Headers =
    [
        "区县", "目标(%)", "计入人数", "有完整画像人数", "原始比例(%)", "原始下限(%)", "原始上限(%)",
        "加权比例(%)", "加权下限(%)", "加权上限(%)", "有效样本量", "判断", "标记", "高阶", "具备", "基本具备", "较低",
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
                area.Verdict is { } v ? Verdict.Chinese(v) : "", area.Suppressed ? "样本不足" : area.Flagged ? "样本偏少" : "",
                .. LiteracyTiers.Cuts.Select(c => area.Tiers is { } t ? N(t[c.Tier]) : ""),
                .. AssessmentDefaults.Split.Select(s => N(area.DimensionMeans?.GetValueOrDefault(s.Category))),
            ];
        }
        yield return [$"说明：{report.Caveat} {report.CaveatEnglish}"];
    }

    public static byte[] Csv(AssessmentReport report)
    {
        var csv = new StringBuilder();
        foreach (var row in Rows(report))
        {
            csv.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(AssessmentReport report)
    {
        var rows = Rows(report).ToList();
        var sheet = rows.Skip(1).Select(r => Headers.Select((h, i) => (h, v: Cell(i < r.Length ? r[i] : ""))).ToDictionary(x => x.h, x => x.v)).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Figures as numbers in the workbook, so a spreadsheet can sort and chart them.</summary>
    private static object Cell(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;

    private static string N(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
