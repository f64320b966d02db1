using System.Text;
using Sylvan.Data.Csv;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// A CSV upload as rows, streamed within <see cref="SheetLimits"/>: decoded as it is read (UTF-8, UTF-16 with a BOM,
/// else GB18030, which covers the GBK Chinese Excel writes), a record never buffered past the columns times the cell
/// limit, and each cell's length checked before it becomes a string.
/// </summary>
internal static class CsvSheet
{
    private static readonly Encoding Gb18030 = RegisterCodePages();

    public static IEnumerable<(int Row, IReadOnlyList<string> Cells)> Rows(ReadOnlyMemory<byte> bytes, SheetLimits limits)
    {
        using var text = Open(bytes);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            // A record is at most every column at the cell limit; a longer one is refused instead of buffered.
            MaxBufferSize = (int)Math.Min(int.MaxValue / 4, (long)limits.MaxColumns * (limits.MaxCellChars + 3)),
        };
        using var reader = CsvDataReader.Create(text, options);
        var row = 0;
        while (Next(reader, limits, row + 1))
        {
            row++;
            if (row > limits.MaxRows)
            {
                throw SheetRefused.Rows(limits, row);
            }
            if (reader.RowFieldCount > limits.MaxColumns)
            {
                throw SheetRefused.Columns(limits, row);
            }
            var cells = new string[reader.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                if (reader.GetFieldSpan(i).Length > limits.MaxCellChars)
                {
                    throw SheetRefused.Cell(limits, row, BoundedSheet.ColumnName(i));
                }
                cells[i] = reader.GetString(i);
            }
            yield return (row, cells);
        }
    }

    private static bool Next(CsvDataReader reader, SheetLimits limits, int row)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvRecordTooLargeException)
        {
            throw SheetRefused.Cell(limits, row, "");
        }
        catch (CsvFormatException ex)
        {
            throw new SheetRefused(new ImportError(0, "", BankReasons.CsvMalformed.With(("row", ex.RowNumber), ("detail", ex.Message))));
        }
    }

    /// <summary>A reader that decodes as it goes; the bytes are checked once (without copying) to pick the encoding.</summary>
    private static TextReader Open(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        var stream = BoundedSheet.StreamOf(bytes);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new StreamReader(stream, Encoding.Unicode, detectEncodingFromByteOrderMarks: true);
        }
        if (span.IndexOf((byte)0) >= 0)
        {
            // No text encoding we read has NUL bytes: UTF-16 without a BOM, a workbook renamed .csv, or binary.
            throw new SheetRefused(new ImportError(0, "", BankReasons.FileEncoding.With()));
        }
        var utf8 = System.Text.Unicode.Utf8.IsValid(span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? span[3..] : span);
        return new StreamReader(stream, utf8 ? new UTF8Encoding(false) : Gb18030, detectEncodingFromByteOrderMarks: utf8);
    }

    // .NET Core ships only the Unicode encodings; GB18030 comes from the code-pages provider, registered once here.
    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
