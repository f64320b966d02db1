using System.IO.Compression;
using System.Text;

namespace Quiz.Testing;

/// <summary>
/// Workbooks an attacker would upload, built byte by byte and streamed into the zip so none is ever held unpacked:
/// shared by the reader's tests, the server's hostile-crowd test and the load scenario (linked into each project).
/// </summary>
public static class HostileWorkbook
{
    public const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>题型</t></is></c><c r="B1" t="inlineStr"><is><t>题干</t></is></c><c r="C1" t="inlineStr"><is><t>答案</t></is></c></row>""";

    /// <summary>A header, then <paramref name="rows"/> rows of a valid little question: 2,000,000 are about 190 MB of XML in about 3.4 MB.</summary>
    public static byte[] TinyRows(int rows) =>
        Build(sheet => Repeat(sheet, Header, """<row><c t="inlineStr"><is><t>单选</t></is></c><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>A</t></is></c></row>""", rows));

    /// <summary>Row 2's 题干 (column B) holds <paramref name="characters"/> characters (one byte each), inline or as shared text.</summary>
    public static byte[] GiantCell(int characters, bool shared = false)
    {
        var chunk = new string('a', 100);
        const string Row = """<row r="2"><c r="A2" t="inlineStr"><is><t>单选</t></is></c>""";
        return shared
            ? Build(sheet => Write(sheet, Header + Row + """<c r="B2" t="s"><v>0</v></c></row>"""),
                strings => Repeat(strings, "<sst><si><t>", chunk, characters / chunk.Length, "</t></si></sst>"))
            : Build(sheet => Repeat(sheet, Header + Row + """<c r="B2" t="inlineStr"><is><t>""", chunk, characters / chunk.Length, "</t></is></c></row>"));
    }

    /// <summary>A comment of <paramref name="characters"/> characters before the header: nothing in it is a cell, unpacking it is the attack.</summary>
    public static byte[] HugeComment(int characters) =>
        Build(sheet => Repeat(sheet, "<!--", new string('x', 100), characters / 100, "-->" + Header));

    /// <summary>A cell in the sheet's last column (XFD), which a reader that fills gaps would pad with 16,383 empty cells per row.</summary>
    public static byte[] FarColumn() => Build(sheet => Write(sheet, Header + """<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>"""));

    /// <summary>Entity expansion ("billion laughs") in the sheet's XML.</summary>
    public static byte[] Entities() => Build(sheet => Write(sheet, """<row><c t="inlineStr"><is><t>&b;</t></is></c></row>"""),
        prolog: """<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>""");

    /// <summary>A zip of <paramref name="parts"/> empty entries: a central directory that would cost more to read than the file weighs.</summary>
    public static byte[] ManyParts(int parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < parts; i++)
            {
                zip.CreateEntry($"part{i}.xml", CompressionLevel.Fastest);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>A workbook of the parts a reader needs; the sheet's rows (and shared strings) are written by the caller.</summary>
    public static byte[] Build(Action<Stream> sheetData, Action<Stream>? sharedStrings = null, string prolog = "")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "xl/workbook.xml", s => Write(s, """<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>"""));
            Part(zip, "xl/_rels/workbook.xml.rels", s => Write(s, """<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""));
            Part(zip, "xl/worksheets/sheet1.xml", s =>
            {
                Write(s, prolog + "<worksheet><sheetData>");
                sheetData(s);
                Write(s, "</sheetData></worksheet>");
            });
            if (sharedStrings is not null)
            {
                Part(zip, "xl/sharedStrings.xml", sharedStrings);
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

    /// <summary>Writes <paramref name="unit"/> <paramref name="times"/> times (rounded down to thousands) between the two texts.</summary>
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
