using System.Globalization;
using MiniExcelLibs;

namespace Quiz.Core.Banks.Formats;

/// <summary>The sheet template as an Excel workbook (first sheet), read and written with MiniExcel.</summary>
public static class XlsxBankFile
{
    public static ParsedFile Read(Stream stream)
    {
        try
        {
            // Materialised here so a damaged file fails inside this try, not later in the caller.
            var rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select((cells, i) => (Row: i + 1, Cells: (IReadOnlyList<string>)[.. cells.Values.Select(Text)]))
                .ToList();
            return TabularTemplate.Read(rows);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // MiniExcel throws zip, XML and format exceptions of many kinds for damaged files; they all mean the same.
            return ParsedFile.Failed(BankReasons.XlsxUnreadable.With(), TabularTemplate.ColumnOf);
        }
    }

    public static void Write(IEnumerable<Question> questions, Stream stream) =>
        WriteRows(TabularTemplate.Rows(questions), stream);

    public static void WriteRows(IEnumerable<string[]> rows, Stream stream)
    {
        var sheet = rows.Select(row => TabularTemplate.Headers.Select((h, i) => (h, v: (object)row[i])).ToDictionary(p => p.h, p => p.v));
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
