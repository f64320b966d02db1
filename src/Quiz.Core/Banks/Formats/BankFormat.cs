namespace Quiz.Core.Banks.Formats;

/// <summary>The file formats a bank imports from and exports to.</summary>
public enum BankFormat
{
    Xlsx,
    Csv,
    Json,
    Gift,
}

public static class BankFormats
{
    public static bool TryParse(string? name, out BankFormat format)
    {
        var word = (name ?? "").Trim().TrimStart('.').ToLowerInvariant();
        (var known, format) = word switch
        {
            "xlsx" => (true, BankFormat.Xlsx),
            "csv" => (true, BankFormat.Csv),
            "json" => (true, BankFormat.Json),
            "gift" or "txt" => (true, BankFormat.Gift),
            _ => (false, BankFormat.Json),
        };
        return known;
    }

    /// <summary>The format a file name's extension names (Moodle writes GIFT as .gift or .txt).</summary>
    public static bool TryFromFileName(string? fileName, out BankFormat format) =>
        TryParse(Path.GetExtension(fileName ?? ""), out format);

    public static string Extension(BankFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(BankFormat format) => format switch
    {
        BankFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        BankFormat.Csv => "text/csv; charset=utf-8",
        BankFormat.Json => "application/json; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    };
}
