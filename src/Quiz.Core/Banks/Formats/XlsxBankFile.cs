using System.Globalization;
using MiniExcelLibs;
using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>The sheet template as an Excel workbook (first sheet), read and written with MiniExcel.</summary>
public static class XlsxBankFile
{
    /// <summary>Read with <see cref="BoundedSheet"/> (streamed, within <see cref="SheetLimits.Bank"/>); MiniExcel only writes.</summary>
    public static ParsedFile Read(ReadOnlyMemory<byte> bytes) => TabularTemplate.Read(BankFormat.Xlsx, bytes);

    public static void Write(IEnumerable<Question> questions, Stream stream) =>
        WriteRows(TabularTemplate.Rows(questions), stream);

    public static void WriteRows(IEnumerable<string[]> rows, Stream stream, IReadOnlyList<string>? headers = null)
    {
        var columns = headers ?? TabularTemplate.Headers;
        var sheet = rows.Select(row => columns.Select((h, i) => (h, v: (object)row[i])).ToDictionary(p => p.h, p => p.v));
        MiniExcel.SaveAs(stream, sheet.ToList(), excelType: ExcelType.XLSX);
    }
}
