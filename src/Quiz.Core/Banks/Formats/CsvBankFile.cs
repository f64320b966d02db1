using System.Text;
using Quiz.Core.Common;
using Sylvan.Data.Csv;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The sheet template as CSV. Reads UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (which covers GBK,
/// what Chinese Excel writes by default); writes UTF-8 with a BOM, which Excel opens without garbling.
/// </summary>
public static class CsvBankFile
{
    private static readonly Encoding Gb18030 = RegisterCodePages();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ParsedFile Read(ReadOnlyMemory<byte> bytes) => TabularTemplate.Read(BankFormat.Csv, bytes);

    public static void Write(IEnumerable<Question> questions, Stream stream) =>
        WriteRows(TabularTemplate.Rows(questions), stream);

    public static void WriteRows(IEnumerable<string[]> rows, Stream stream, IReadOnlyList<string>? headers = null)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var row in rows.Prepend([.. headers ?? TabularTemplate.Headers]))
        {
            writer.Write(string.Join(',', row.Select(Quote)));
            writer.Write("\r\n");
        }
    }

    /// <summary>The text, or null with a reason when the bytes are not text in an encoding we read.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out Reason? problem)
    {
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(bytes[2..]);
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            // No text encoding we read has NUL bytes: this is UTF-16 without a BOM, a workbook renamed .csv, or binary.
            problem = BankReasons.FileEncoding.With();
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Gb18030.GetString(bytes); // not UTF-8: the other encoding Chinese Excel writes
        }
    }

    // .NET Core ships only the Unicode encodings; GB18030 comes from the code-pages provider, registered once here.
    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
