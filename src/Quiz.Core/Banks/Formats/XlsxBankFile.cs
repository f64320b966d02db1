using System.Globalization;
using MiniExcelLibs;
using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>The sheet template as an Excel workbook (first sheet), read and written with MiniExcel.</summary>
public static class XlsxBankFile
{
    public static ParsedFile Read(Stream stream) =>
        ReadSheet(stream, TabularTemplate.Read, reason => ParsedFile.Failed(reason, TabularTemplate.ColumnOf));

    /// <summary>The first sheet's rows, numbered as Excel shows them, for <paramref name="read"/>; or why they cannot be read.</summary>
    public static T ReadSheet<T>(Stream stream, Func<IReadOnlyList<(int Row, IReadOnlyList<string> Cells)>, T> read, Func<Reason, T> failed)
    {
        List<(int Row, IReadOnlyList<string> Cells)> rows;
        try
        {
            // Materialised here so a damaged file fails inside this try, not later in the caller.
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select((cells, i) => (Row: i + 1, Cells: (IReadOnlyList<string>)[.. cells.Values.Select(Text)]))
                .ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // MiniExcel throws zip, XML and format exceptions of many kinds for damaged files; they all mean the same.
            return failed(BankReasons.XlsxUnreadable.With());
        }
        return read(rows);
    }

    public static void Write(IEnumerable<Question> questions, Stream stream) =>
        WriteRows(TabularTemplate.Rows(questions), stream);

    public static void WriteRows(IEnumerable<string[]> rows, Stream stream, IReadOnlyList<string>? headers = null)
    {
        var columns = headers ?? TabularTemplate.Headers;
        var sheet = rows.Select(row => columns.Select((h, i) => (h, v: (object)row[i])).ToDictionary(p => p.h, p => p.v));
        MiniExcel.SaveAs(stream, sheet.ToList(), excelType: ExcelType.XLSX);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
