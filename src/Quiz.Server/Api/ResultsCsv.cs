using System.Globalization;
using System.Text;
using Quiz.Core.Features.Live;

namespace Quiz.Server.Api;

/// <summary>Results as a CSV that Chinese Excel opens without garbling: UTF-8 with a BOM, Chinese headers, quoted fields.</summary>
internal static class ResultsCsv
{
    /// <summary>A contest with a roster gets a 手机 column (masked unless the caller was allowed the full numbers).</summary>
    public static byte[] Write(IReadOnlyList<ResultRow> rows, IReadOnlyDictionary<string, string>? phones = null)
    {
        var withPhones = phones is { Count: > 0 };
        var csv = new StringBuilder("名次,昵称,队伍,单位,区县,得分,用时(秒),参赛者编号" + (withPhones ? ",手机" : "") + "\r\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.Rank},{Field(r.Nickname)},{Field(r.Team)},{Field(r.Unit)},{Field(r.District)},")
               .Append(CultureInfo.InvariantCulture, $"{r.Score:0.##},{r.TimeMs / 1000.0:0.###},{Field(r.ParticipantId)}")
               .Append(withPhones ? "," + Field(phones!.GetValueOrDefault(r.ParticipantId)) : "")
               .Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>Quotes every text and defuses a leading = + - @ so a nickname cannot become a spreadsheet formula.</summary>
    internal static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
