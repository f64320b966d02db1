using System.Text;
using Quiz.Core.Banks.Formats;
using Quiz.Testing;
using Xunit.Abstractions;

namespace Quiz.Core.Tests.Banks;

/// <summary>
/// Hostile workbooks, built here byte by byte: each is refused with the limit it passes, and what reading it
/// allocates (an upper bound on what it could hold) stays far below what the file unpacks to.
/// </summary>
public sealed class SheetLimitsTests(ITestOutputHelper output)
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void A_zip_bomb_of_tiny_rows_stops_at_the_row_limit()
    {
        var file = HostileWorkbook.TinyRows(2_000_000); // about 190 MB of XML
        var (error, allocated) = Read(file);
        Assert.Equal(("sheet.limitRows", 0), (error.Code, error.Row)); // counted before any row is parsed
        Report("tiny rows", file, allocated);
        Assert.True(allocated < 200 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_workbook_that_unpacks_past_the_limit_is_refused_at_the_limit()
    {
        var file = HostileWorkbook.HugeComment(300_000_000);
        var (error, allocated) = Read(file);
        Assert.Equal("sheet.limitUnpacked", error.Code);
        Report("300 MB comment", file, allocated);
        Assert.True(allocated < 32 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_giant_cell_is_refused_after_its_limit_never_held(bool shared)
    {
        // 50 million characters, within the unpacked limit: read up to the cell limit and no further.
        var file = HostileWorkbook.GiantCell(50_000_000, shared);
        var (error, allocated) = Read(file);
        Assert.Equal(("sheet.limitCell", shared ? 0 : 2, shared ? "" : "B"), (error.Code, error.Row, error.Column));
        Report(shared ? "giant shared text" : "giant cell", file, allocated);
        Assert.True(allocated < 16 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_cell_larger_than_the_unpacked_limit_is_refused_before_it_is_parsed()
    {
        // 200 million characters (the cell had 1.17 billion): the count of unpacked bytes stops it first.
        var (error, allocated) = Read(HostileWorkbook.GiantCell(200_000_000));
        Assert.Equal("sheet.limitUnpacked", error.Code);
        Assert.True(allocated < 16 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_sheet_at_the_row_limit_is_read_and_one_past_it_is_not()
    {
        var within = BankFiles.Read(BankFormat.Xlsx, HostileWorkbook.TinyRows(SheetLimits.Bank.MaxRows - 1000));
        Assert.Equal((0, SheetLimits.Bank.MaxRows - 1000), (within.Errors.Count, within.Drafts.Count));
        Assert.Equal("sheet.limitRows", Read(HostileWorkbook.TinyRows(SheetLimits.Bank.MaxRows + 1000)).Error.Code);
    }

    [Fact]
    public void A_cell_past_the_last_column_is_refused_without_filling_the_gap()
    {
        var (error, _) = Read(HostileWorkbook.FarColumn());
        Assert.Equal(("sheet.limitColumns", 2), (error.Code, error.Row));
    }

    [Fact]
    public void Entities_and_crafted_zips_are_unreadable_files_not_failures()
    {
        Assert.Equal("xlsx.unreadable", Read(HostileWorkbook.Entities()).Error.Code);
        Assert.Equal("xlsx.unreadable", Read(HostileWorkbook.ManyParts(2000)).Error.Code);
    }

    [Fact]
    public void A_json_file_of_millions_of_values_is_refused_before_it_is_built()
    {
        var json = Encoding.UTF8.GetBytes("[" + string.Concat(Enumerable.Repeat("0,", 4_000_000)) + "0]");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Single(BankFiles.Read(BankFormat.Json, json).Errors);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("file.limitQuestions", error.Code);
        Assert.True(allocated < Megabyte, $"allocated {allocated / 1024} KB");
    }

    private (ImportError Error, long Allocated) Read(byte[] file)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var errors = BankFiles.Read(BankFormat.Xlsx, file).Errors;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return (Assert.Single(errors), allocated);
    }

    private void Report(string what, byte[] file, long allocated) =>
        output.WriteLine($"{what}: file {file.Length / 1024} KB, reading allocated {allocated / 1024} KB");
}
