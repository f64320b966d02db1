using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// Moodle GIFT. Choice questions map to <c>{=right ~wrong}</c> (multiple: <c>{~%50%a ~%50%b ~%-100%c}</c>), true/false to
/// <c>{T}</c>/<c>{F}</c>, fill-in to <c>{=a =b}</c>, ordering to a matching question whose right sides are positions
/// (<c>{=A text -> 2 ...}</c> reads "option A goes second"). The title <c>::key::</c> is the key, <c>$CATEGORY:</c> the
/// category, <c>####</c> general feedback the explanation; what GIFT cannot say (difficulty, tags, image, source,
/// excluded questions, review-by date)
/// rides in a <c>// quiz: {json}</c> comment that Moodle ignores. Rows in error reports are line numbers.
/// </summary>
public static class GiftBankFile
{
    private const string MetaPrefix = "// quiz:";

    public static string ColumnOf(DraftError error) => JsonBankFile.ColumnOf(error);

    public static ParsedFile Read(ReadOnlyMemory<byte> bytes)
    {
        var text = CsvBankFile.Decode(bytes.Span, out var problem);
        if (text is null)
        {
            return ParsedFile.Failed(problem!, ColumnOf);
        }
        try
        {
            return Read(text);
        }
        catch (SheetRefused refused)
        {
            return new ParsedFile([], [refused.Error], ColumnOf);
        }
    }

    private static ParsedFile Read(string text)
    {
        var drafts = new List<QuestionDraft>();
        var errors = new List<ImportError>();
        var category = "";
        JsonObject? meta = null;
        var block = new StringBuilder();
        var blockStart = 0;

        void Flush()
        {
            if (block.Length > 0 && drafts.Count + errors.Count > SheetLimits.Bank.MaxRows)
            {
                throw new SheetRefused(new ImportError(blockStart, "", BankReasons.FileLimitQuestions.With(("max", ReasonText.Grouped(SheetLimits.Bank.MaxRows)))));
            }
            if (block.Length > 0)
            {
                if (GiftQuestion.Parse(blockStart, block.ToString(), category, meta, errors) is { } draft)
                {
                    drafts.Add(draft);
                }
                meta = null;
            }
            block.Clear();
        }

        // Line by line, never a list of every line: a file of 20 million empty lines costs nothing.
        using var lines = new StringReader(text);
        var i = -1;
        while (lines.ReadLine() is { } read)
        {
            i++;
            var line = read.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                Flush();
            }
            else if (trimmed.StartsWith(MetaPrefix, StringComparison.Ordinal))
            {
                Flush();
                meta = ReadMeta(i + 1, trimmed[MetaPrefix.Length..], errors);
            }
            else if (trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            else if (trimmed.StartsWith("$CATEGORY:", StringComparison.OrdinalIgnoreCase))
            {
                Flush();
                category = CleanCategory(trimmed["$CATEGORY:".Length..]);
            }
            else
            {
                if (block.Length == 0)
                {
                    blockStart = i + 1;
                }
                block.Append(line).Append('\n');
            }
        }
        Flush();
        if (drafts.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(0, "", BankReasons.GiftNoQuestions.With()));
        }
        return new ParsedFile(drafts, errors, ColumnOf);
    }

    public static void Write(IEnumerable<Question> questions, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        string? category = null;
        foreach (var q in questions)
        {
            if (q.Category != category)
            {
                category = q.Category;
                writer.Write($"$CATEGORY: {category}\n\n");
            }
            var meta = new JsonObject { ["difficulty"] = q.Difficulty, ["tags"] = new JsonArray([.. q.Tags.Select(t => (JsonNode)t!)]) };
            if (q.ImageUrl is not null) { meta["imageUrl"] = q.ImageUrl; }
            if (q.Source is not null) { meta["source"] = q.Source; }
            if (q.Excludes.Count > 0) { meta["excludes"] = new JsonArray([.. q.Excludes.Select(k => (JsonNode)k!)]); }
            if (q.ReviewBy is { } reviewBy) { meta["reviewBy"] = ReviewDates.Format(reviewBy); }
            writer.Write($"{MetaPrefix} {meta.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}\n");
            if (q.Key is not null)
            {
                writer.Write($"::{Escape(q.Key)}::");
            }
            writer.Write(Escape(q.Stem));
            writer.Write(" {\n");
            foreach (var answer in GiftQuestion.Answers(q))
            {
                writer.Write($"\t{answer}\n");
            }
            if (q.Explanation.Length > 0)
            {
                writer.Write($"\t####{Escape(q.Explanation)}\n");
            }
            writer.Write("}\n\n");
        }
    }

    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\')
            {
                builder.Append('\\');
            }
            builder.Append(c == '\n' ? "\\n" : c.ToString());
        }
        return builder.ToString();
    }

    private static JsonObject? ReadMeta(int line, string json, List<ImportError> errors)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            errors.Add(new ImportError(line, "", BankReasons.GiftMeta.With()));
            return null;
        }
    }

    private static string CleanCategory(string path)
    {
        var parts = path.Trim().Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0] is "$course$" or "$system$" or "$module$" or "$cat1$")
        {
            parts.RemoveAt(0); // Moodle's context prefixes say where the category lives, not what it is
        }
        if (parts.Count > 0 && parts[0] is "top" or "Default" or "默认")
        {
            parts.RemoveAt(0);
        }
        return string.Join('/', parts);
    }

    internal static string Number(double value) => value.ToString("0.#####", CultureInfo.InvariantCulture);
}
