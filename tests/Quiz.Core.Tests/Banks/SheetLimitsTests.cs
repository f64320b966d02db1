using System.IO.Compression;
using System.Text;
using Quiz.Core.Banks.Formats;
using Xunit.Abstractions;

namespace Quiz.Core.Tests.Banks;

/// <summary>
/// Hostile workbooks, built here byte by byte: each is refused with the limit it passes, and what reading it
/// allocates (an upper bound on what it could hold) stays far below what the file unpacks to.
/// </summary>
public sealed class SheetLimitsTests(ITestOutputHelper output)
{
    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>题型</t></is></c><c r="B1" t="inlineStr"><is><t>题干</t></is></c><c r="C1" t="inlineStr"><is><t>答案</t></is></c></row>""";
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void A_zip_bomb_of_tiny_rows_stops_at_the_row_limit()
    {
        // 2,000,000 rows of a valid little question: about 190 MB of XML in a file of about 1 MB.
        const string Row = """<row><c t="inlineStr"><is><t>单选</t></is></c><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>A</t></is></c></row>""";
        var file = Workbook(sheet => Repeat(sheet, Header, Row, 2_000_000));
        var (error, allocated) = Read(file);
        Assert.Equal(("sheet.limitRows", SheetLimits.Bank.MaxRows + 1), (error.Code, error.Row));
        Report("tiny rows", file, allocated);
        Assert.True(allocated < 200 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_workbook_that_unpacks_past_the_limit_is_refused_at_the_limit()
    {
        // A comment of 300 million characters: nothing in it is a cell, but unpacking it is the attack.
        var file = Workbook(sheet => Repeat(sheet, "<!--", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 3_000_000, "-->" + Header));
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
        // One cell of 200 million characters (the was 1.17 billion; the reader stops at the same place either way).
        var chunk = new string('a', 100);
        const int repeats = 2_000_000;
        var file = shared
            ? Workbook(sheet => Write(sheet, Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>单选</t></is></c><c r="B2" t="s"><v>0</v></c></row>"""),
                strings => Repeat(strings, "<sst><si><t>", chunk, repeats, "</t></si></sst>"))
            : Workbook(sheet => Repeat(sheet, Header + """<row r="2"><c r="A2" t="inlineStr"><is><t>单选</t></is></c><c r="B2" t="inlineStr"><is><t>""", chunk, repeats, "</t></is></c></row>"));
        var (error, allocated) = Read(file);
        Assert.Equal(("sheet.limitCell", shared ? 0 : 2, shared ? "" : "B"), (error.Code, error.Row, error.Column));
        Report(shared ? "giant shared text" : "giant cell", file, allocated);
        Assert.True(allocated < 16 * Megabyte, $"allocated {allocated / Megabyte} MB");
    }

    [Fact]
    public void A_cell_past_the_last_column_is_refused_without_filling_the_gap()
    {
        var file = Workbook(sheet => Write(sheet, Header + """<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>"""));
        var (error, _) = Read(file);
        Assert.Equal(("sheet.limitColumns", 2), (error.Code, error.Row));
    }

    [Fact]
    public void Entities_and_crafted_zips_are_unreadable_files_not_failures()
    {
        var laughs = Workbook(sheet => Write(sheet, """<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>"""));
        Assert.Equal("xlsx.unreadable", Read(laughs).Error.Code);
        using var many = new MemoryStream();
        using (var zip = new ZipArchive(many, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 2000; i++)
            {
                zip.CreateEntry($"part{i}.xml", CompressionLevel.Fastest);
            }
        }
        Assert.Equal("xlsx.unreadable", Read(many.ToArray()).Error.Code);
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

    /// <summary>A workbook of the parts the reader needs; each part is written by the caller, streamed into the zip.</summary>
    private static byte[] Workbook(Action<Stream> sheet, Action<Stream>? strings = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "xl/workbook.xml", s => Write(s, """<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", s => Write(s, """<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", s =>
            {
                Write(s, "<worksheet><sheetData>");
                sheet(s);
                Write(s, "</sheetData></worksheet>");
            });
            if (strings is not null)
            {
                Part(zip, "xl/sharedStrings.xml", strings);
            }
        }
        return buffer.ToArray();
    }

    private static void Part(ZipArchive zip, string name, Action<Stream> write)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        write(stream);
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static void Repeat(Stream stream, string before, string unit, int times, string after = "")
    {
        Write(stream, before);
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, 1000)));
        for (var i = 0; i < times / 1000; i++)
        {
            stream.Write(bytes);
        }
        Write(stream, after);
    }
}
