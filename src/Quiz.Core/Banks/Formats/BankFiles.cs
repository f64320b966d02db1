namespace Quiz.Core.Banks.Formats;

/// <summary>Every format behind one pair of calls.</summary>
public static class BankFiles
{
    public static ParsedFile Read(BankFormat format, ReadOnlyMemory<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ParsedFile.Failed(BankReasons.FileEmpty.With(), TabularTemplate.ColumnOf);
        }
        return format switch
        {
            BankFormat.Xlsx => XlsxBankFile.Read(bytes),
            BankFormat.Csv => CsvBankFile.Read(bytes),
            BankFormat.Json => JsonBankFile.Read(bytes),
            _ => GiftBankFile.Read(bytes),
        };
    }

    public static byte[] Write(BankFormat format, IEnumerable<Question> questions)
    {
        using var stream = new MemoryStream();
        switch (format)
        {
            case BankFormat.Xlsx: XlsxBankFile.Write(questions, stream); break;
            case BankFormat.Csv: CsvBankFile.Write(questions, stream); break;
            case BankFormat.Json: JsonBankFile.Write(questions, stream); break;
            default: GiftBankFile.Write(questions, stream); break;
        }
        return stream.ToArray();
    }

    /// <summary>The empty sheet template with two example rows, for organizers to fill in.</summary>
    public static byte[] Template(BankFormat format)
    {
        using var stream = new MemoryStream();
        if (format == BankFormat.Xlsx)
        {
            XlsxBankFile.WriteRows(TabularTemplate.ExampleRows(), stream);
        }
        else
        {
            CsvBankFile.WriteRows(TabularTemplate.ExampleRows(), stream);
        }
        return stream.ToArray();
    }
}
