using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The first worksheet of an .xlsx workbook as rows of cell texts, streamed within <see cref="SheetLimits"/>: every
/// part is unpacked through a counter that stops at the limit (the zip's own size fields are not trusted), XML is read
/// node by node with DTDs refused, and cell text in chunks that stop one chunk past the cell limit, so neither a zip
/// bomb nor a billion-character cell is ever held. Cells read as Excel shows them: text, numbers in the invariant
/// culture, dates (by their number format) as yyyy-MM-dd, booleans as True/False.
/// </summary>
internal sealed class XlsxSheet
{
    private const int MaxParts = 1000; // a workbook has a few dozen parts; more is a crafted zip
    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entities: no "billion laughs"
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly SheetLimits _limits;
    private readonly char[] _chunk = new char[4096];
    private long _unpacked;

    private XlsxSheet(ZipArchive zip, SheetLimits limits) => (_zip, _limits) = (zip, limits);

    public static IEnumerable<(int Row, IReadOnlyList<string> Cells)> Rows(ReadOnlyMemory<byte> bytes, SheetLimits limits)
    {
        if (ZipParts(bytes.Span) is not (>= 0 and <= MaxParts))
        {
            throw Unreadable();
        }
        using var zip = Open(bytes);
        var sheet = new XlsxSheet(zip, limits);
        var (sheetPath, stringsPath, stylesPath) = sheet.Parts();
        sheet.Census(sheetPath, stringsPath);
        var strings = sheet.SharedStrings(stringsPath);
        var dates = sheet.DateStyles(stylesPath);
        foreach (var row in sheet.SheetRows(sheetPath, strings, dates))
        {
            yield return row;
        }
    }

    internal static SheetRefused Unreadable() => new(new ImportError(0, "", BankReasons.XlsxUnreadable.With()));

    private static ZipArchive Open(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            return new ZipArchive(BoundedSheet.StreamOf(bytes), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Unreadable();
        }
    }

    /// <summary>The entry count from the zip's end record, read before the central directory is (-1: no end record).</summary>
    private static int ZipParts(ReadOnlySpan<byte> zip)
    {
        for (var at = zip.Length - 22; at >= Math.Max(0, zip.Length - 22 - ushort.MaxValue); at--)
        {
            if (zip[at] == 0x50 && zip[at + 1] == 0x4B && zip[at + 2] == 0x05 && zip[at + 3] == 0x06)
            {
                return zip[at + 10] | (zip[at + 11] << 8);
            }
        }
        return -1;
    }

    /// <summary>
    /// Before any XML is parsed, the parts are unpacked once and only counted: their bytes against the unpacked limit,
    /// the sheet's rows against the row limit. A byte scan runs at the speed of unpacking, so a bomb costs the node
    /// milliseconds instead of the seconds that parsing it up to the limit would; a file within the limits is then read.
    /// </summary>
    private void Census(string sheetPath, string stringsPath)
    {
        var rows = 0L;
        foreach (var path in new[] { stringsPath, sheetPath })
        {
            if (_zip.GetEntry(path) is not { } entry)
            {
                continue;
            }
            using var stream = new CountingStream(entry.Open(), this);
            var buffer = new byte[64 * 1024];
            var carry = 0;
            int read;
            while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
            {
                var span = buffer.AsSpan(0, carry + read);
                rows += path == sheetPath ? RowTags(span[..^Math.Min(span.Length, 4)], span) : 0;
                if (rows > _limits.MaxRows)
                {
                    throw SheetRefused.Rows(_limits, 0);
                }
                carry = Math.Min(span.Length, 4); // a tag split between two reads is counted in the next
                span[^carry..].CopyTo(buffer);
            }
        }
        _unpacked = 0; // the parts are unpacked again to be read; the census has shown they fit
    }

    /// <summary>How many row start tags (&lt;row or &lt;x:row, then a space, / or &gt;) begin in <paramref name="starts"/>.</summary>
    private static int RowTags(ReadOnlySpan<byte> starts, ReadOnlySpan<byte> all)
    {
        var count = 0;
        for (var at = starts.IndexOf("row"u8); at >= 0 && at < starts.Length; at = NextRow(starts, at + 3))
        {
            if (at > 0 && all[at - 1] is (byte)'<' or (byte)':' && at + 3 < all.Length && all[at + 3] is (byte)' ' or (byte)'>' or (byte)'/')
            {
                count++;
            }
        }
        return count;
    }

    private static int NextRow(ReadOnlySpan<byte> span, int from) =>
        from >= span.Length ? -1 : span[from..].IndexOf("row"u8) is var next and >= 0 ? from + next : -1;

    /// <summary>The first sheet, the shared strings and the styles, as the workbook's relationships name them.</summary>
    private (string Sheet, string Strings, string Styles) Parts()
    {
        string? firstSheetId = null;
        using (var workbook = Reader("xl/workbook.xml"))
        {
            while (workbook is not null && firstSheetId is null && workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    firstSheetId = RelationshipId(workbook);
                }
            }
        }
        var (sheet, strings, styles) = ("xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml");
        using var rels = Reader("xl/_rels/workbook.xml.rels");
        while (rels is not null && rels.Read())
        {
            if (rels.NodeType != XmlNodeType.Element || rels.LocalName != "Relationship" || rels.GetAttribute("Target") is not { } target)
            {
                continue;
            }
            var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
            var type = rels.GetAttribute("Type") ?? "";
            if (rels.GetAttribute("Id") == firstSheetId)
            {
                sheet = path;
            }
            else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
            {
                strings = path;
            }
            else if (type.EndsWith("/styles", StringComparison.Ordinal))
            {
                styles = path;
            }
        }
        return (sheet, strings, styles);
    }

    private static string? RelationshipId(XmlReader reader)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == "id" && reader.NamespaceURI.Length > 0)
            {
                return reader.Value;
            }
        }
        return null;
    }

    private List<string> SharedStrings(string path)
    {
        var strings = new List<string>();
        using var reader = Reader(path);
        var text = new StringBuilder();
        while (reader is not null && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "si")
            {
                strings.Add(text.ToString());
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "si":
                    text.Clear();
                    if (reader.IsEmptyElement)
                    {
                        strings.Add("");
                    }
                    break;
                case "rPh":
                    reader.Skip(); // phonetic guides are not the cell's text
                    break;
                case "t":
                    AppendText(reader, text, () => SheetRefused.Cell(_limits, 0, ""));
                    break;
            }
        }
        return strings;
    }

    /// <summary>Which cell styles (by index) show a number as a date: built-in date formats, or custom ones made of date letters.</summary>
    private List<bool> DateStyles(string path)
    {
        var custom = new Dictionary<int, string>();
        var dates = new List<bool>();
        using var reader = Reader(path);
        var inCellStyles = false;
        while (reader is not null && reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "numFmt"
                && int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id))
            {
                custom[id] = reader.GetAttribute("formatCode") ?? "";
            }
            else if (reader.LocalName == "cellXfs")
            {
                inCellStyles = reader.NodeType == XmlNodeType.Element && !reader.IsEmptyElement;
            }
            else if (inCellStyles && reader.NodeType == XmlNodeType.Element && reader.LocalName == "xf")
            {
                var format = int.TryParse(reader.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                dates.Add(format is (>= 14 and <= 22) or (>= 45 and <= 47) || (custom.TryGetValue(format, out var code) && IsDateFormat(code)));
            }
        }
        return dates;
    }

    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var c in code)
        {
            (quoted, bracket) = c switch
            {
                '"' => (!quoted, bracket),
                '[' when !quoted => (quoted, true),
                ']' when !quoted => (quoted, false),
                _ => (quoted, bracket),
            };
            if (!quoted && !bracket && char.ToLowerInvariant(c) is 'y' or 'd' or 'm' or 'h' or 's')
            {
                return true;
            }
        }
        return false;
    }

    private IEnumerable<(int Row, IReadOnlyList<string> Cells)> SheetRows(string path, List<string> strings, List<bool> dates)
    {
        using var reader = Reader(path) ?? throw Unreadable();
        var (rowNumber, rowsSeen) = (0, 0);
        var cells = new List<string>();
        var text = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "row")
            {
                yield return (rowNumber, cells.ToArray());
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            if (reader.LocalName == "row")
            {
                rowNumber = int.TryParse(reader.GetAttribute("r"), CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                if (++rowsSeen > _limits.MaxRows)
                {
                    throw SheetRefused.Rows(_limits, rowNumber);
                }
                cells.Clear();
                if (reader.IsEmptyElement)
                {
                    yield return (rowNumber, []);
                }
            }
            else if (reader.LocalName == "c")
            {
                var column = ColumnOf(reader.GetAttribute("r")) ?? cells.Count;
                if (column >= _limits.MaxColumns)
                {
                    throw SheetRefused.Columns(_limits, rowNumber);
                }
                var type = reader.GetAttribute("t");
                var isDate = int.TryParse(reader.GetAttribute("s"), CultureInfo.InvariantCulture, out var style) && style < dates.Count && dates[style];
                text.Clear();
                ReadCell(reader, text, rowNumber, column);
                while (cells.Count <= column)
                {
                    cells.Add("");
                }
                cells[column] = CellText(type, text.ToString(), strings, isDate);
            }
        }
    }

    /// <summary>The cell's value (&lt;v&gt;, or the &lt;t&gt; texts of an inline string), up to the cell limit.</summary>
    private void ReadCell(XmlReader reader, StringBuilder text, int row, int column)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }
        var depth = reader.Depth;
        while (reader.Read() && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "v" or "t")
            {
                AppendText(reader, text, () => SheetRefused.Cell(_limits, row, BoundedSheet.ColumnName(column)));
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
            }
        }
    }

    private static string CellText(string? type, string value, List<string> strings, bool isDate) => type switch
    {
        "s" => int.TryParse(value, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < strings.Count ? strings[i] : "",
        "b" => value == "1" ? "True" : "False",
        "inlineStr" or "str" or "e" or "d" => value,
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) =>
            isDate && number is > -657435 and < 2958466
                ? DateTime.FromOADate(number).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Reads the text of the element the reader is on, in chunks, refusing once it passes the cell limit.</summary>
    private void AppendText(XmlReader reader, StringBuilder text, Func<SheetRefused> tooLong)
    {
        if (reader.IsEmptyElement)
        {
            return;
        }
        reader.Read();
        while (reader.NodeType is XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA)
        {
            int read;
            while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
            {
                if (text.Length + read > _limits.MaxCellChars)
                {
                    throw tooLong();
                }
                text.Append(_chunk, 0, read);
            }
            reader.Read();
        }
    }

    /// <summary>Zero-based column of a cell reference (B7 is 1), or null; letters past the limit are not counted further.</summary>
    private int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference) || !char.IsAsciiLetterUpper(reference[0]))
        {
            return null;
        }
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (c - 'A' + 1);
            if (column > _limits.MaxColumns)
            {
                break;
            }
        }
        return column - 1;
    }

    /// <summary>A part's XML through the unpacking counter, or null when the workbook has no such part.</summary>
    private XmlReader? Reader(string path)
    {
        var entry = _zip.GetEntry(path);
        return entry is null ? null : XmlReader.Create(new CountingStream(entry.Open(), this), Xml);
    }

    /// <summary>Counts every byte unpacked from the workbook; past the limit the read throws, whatever the zip said the sizes were.</summary>
    private sealed class CountingStream(Stream inner, XlsxSheet sheet) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            sheet._unpacked += read;
            if (sheet._unpacked > sheet._limits.MaxUnpackedBytes)
            {
                throw SheetRefused.Unpacked(sheet._limits);
            }
            return read;
        }
    }
}
