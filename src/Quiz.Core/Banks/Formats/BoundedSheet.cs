namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The one way an uploaded sheet (xlsx: its first worksheet; csv) is read, for any tabular import: rows numbered as
/// the sheet shows them, streamed within <see cref="SheetLimits"/>. A file that passes a limit, is not a readable
/// sheet of its kind, or is not text in an encoding we read throws <see cref="SheetRefused"/> with the row, column and
/// reason; nothing else escapes, so an import never fails with a 500.
/// </summary>
public static class BoundedSheet
{
    public static IEnumerable<(int Row, IReadOnlyList<string> Cells)> Rows(BankFormat format, ReadOnlyMemory<byte> bytes, SheetLimits limits) =>
        format switch
        {
            BankFormat.Xlsx => Guarded(XlsxSheet.Rows(bytes, limits), XlsxSheet.Unreadable),
            BankFormat.Csv => CsvSheet.Rows(bytes, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "a sheet is xlsx or csv"),
        };

    /// <summary>A column as spreadsheets name it: 0 is A, 26 is AA.</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>The upload as a read-only stream, without copying it when it is an array already.</summary>
    internal static MemoryStream StreamOf(ReadOnlyMemory<byte> bytes) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    /// <summary>Damaged zips and XML throw many kinds of exceptions while streaming; they all mean the file cannot be read.</summary>
    private static IEnumerable<(int Row, IReadOnlyList<string> Cells)> Guarded(IEnumerable<(int Row, IReadOnlyList<string> Cells)> rows, Func<SheetRefused> unreadable)
    {
        using var each = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!each.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or IOException or FormatException or NotSupportedException)
            {
                throw unreadable();
            }
            yield return each.Current;
        }
    }
}
