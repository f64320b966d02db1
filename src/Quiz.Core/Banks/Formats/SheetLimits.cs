using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The bounds a tabular upload (xlsx, csv) is read within, checked while it streams, before anything is held whole:
/// bytes unpacked from the workbook, rows, columns per row, characters per cell. Any import of sheets (question
/// banks, rosters) reads through <see cref="BoundedSheet"/> with its own figures; what it then holds is at most the
/// text of the cells, which the unpacked bytes bound.
/// </summary>
public sealed record SheetLimits(long MaxUnpackedBytes, int MaxRows, int MaxColumns, int MaxCellChars)
{
    /// <summary>The most characters Excel itself puts in a cell; a longer one was not typed in a spreadsheet.</summary>
    public const int ExcelCellChars = 32_767;

    /// <summary>
    /// A question bank: a bank holds at most 50,000 questions (room for blank rows), the template has 19 columns (room
    /// for notes), a cell is at most what Excel allows, and 100 MB of unpacked XML is far above a full bank's sheet.
    /// </summary>
    public static readonly SheetLimits Bank = new(100L * 1024 * 1024, 60_000, 64, ExcelCellChars);

    public int MaxUnpackedMegabytes => (int)(MaxUnpackedBytes / 1024 / 1024);
}

/// <summary>A sheet refused for passing one of its <see cref="SheetLimits"/>, with where (row 0: the file as a whole) and which limit.</summary>
public sealed class SheetRefused(ImportError error) : Exception(error.Message)
{
    public ImportError Error { get; } = error;

    /// <summary>The limit codes, which the API answers with 413: the file is too large in one way or another.</summary>
    public static bool IsLimit(string code) => code.StartsWith("sheet.limit", StringComparison.Ordinal) || code.StartsWith("file.limit", StringComparison.Ordinal);

    public static SheetRefused Unpacked(SheetLimits limits) =>
        new(new ImportError(0, "", BankReasons.SheetLimitUnpacked.With(("mb", limits.MaxUnpackedMegabytes))));

    public static SheetRefused Rows(SheetLimits limits, int row) =>
        new(new ImportError(row, "", BankReasons.SheetLimitRows.With(("max", ReasonText.Grouped(limits.MaxRows)))));

    public static SheetRefused Columns(SheetLimits limits, int row) =>
        new(new ImportError(row, "", BankReasons.SheetLimitColumns.With(("max", limits.MaxColumns))));

    public static SheetRefused Cell(SheetLimits limits, int row, string column) =>
        new(new ImportError(row, column, BankReasons.SheetLimitCell.With(("max", ReasonText.Grouped(limits.MaxCellChars)))));
}
