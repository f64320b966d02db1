using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quiz.Core.Common;

namespace Quiz.Core.Banks.Formats;

/// <summary>
/// The JSON format: <c>{"format": "quiz-bank/1", "questions": [...]}</c> (a bare array is read too). Rows in
/// error reports are question numbers, counting from 1; columns are property names.
/// </summary>
public static class JsonBankFile
{
    public const string FormatName = "quiz-bank/1";
    private static readonly HashSet<string> Properties =
        ["key", "type", "stem", "options", "answer", "explanation", "category", "tags", "difficulty", "imageUrl", "source", "excludes", "reviewBy"];
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in the exported file
    };

    public static string ColumnOf(DraftError error) => error.Field switch
    {
        DraftField.Options when error.Option is { } i => $"options[{i}]",
        DraftField.ImageUrl => "imageUrl",
        DraftField.ReviewBy => "reviewBy",
        DraftField.Row => "",
        var field => JsonNamingPolicy.CamelCase.ConvertName(field.ToString()),
    };

    public static ParsedFile Read(ReadOnlyMemory<byte> bytes)
    {
        if (!WithinLimits(bytes.Span))
        {
            return ParsedFile.Failed(BankReasons.FileLimitQuestions.With(("max", ReasonText.Grouped(SheetLimits.Bank.MaxRows))), ColumnOf);
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes.Span, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return ParsedFile.Failed(BankReasons.JsonInvalid.With(("line", (ex.LineNumber ?? 0) + 1)), ColumnOf);
        }
        var questions = root switch
        {
            JsonArray array => array,
            JsonObject obj when obj["questions"] is JsonArray array => array,
            _ => null,
        };
        if (questions is null)
        {
            return ParsedFile.Failed(BankReasons.JsonShape.With(("format", FormatName)), ColumnOf);
        }
        if (root is JsonObject { } top && top["format"] is { } format && format.GetValueKind() == JsonValueKind.String
            && format.GetValue<string>() != FormatName)
        {
            return ParsedFile.Failed(BankReasons.JsonFormat.With(("value", format.GetValue<string>()), ("format", FormatName)), ColumnOf);
        }
        var errors = new List<ImportError>();
        var drafts = new List<QuestionDraft>();
        for (var i = 0; i < questions.Count; i++)
        {
            if (questions[i] is not JsonObject q)
            {
                errors.Add(new ImportError(i + 1, "", BankReasons.JsonNotObject.With()));
                continue;
            }
            drafts.Add(ToDraft(i + 1, q, errors));
        }
        if (questions.Count == 0)
        {
            errors.Add(new ImportError(0, "questions", BankReasons.JsonNoQuestions.With()));
        }
        return new ParsedFile(drafts, errors, ColumnOf);
    }

    /// <summary>
    /// Counts the values (without building any) before the document is built: a question is a few dozen of them, so
    /// more than <see cref="ValuesPerQuestion"/> for every question a bank file may hold is refused, and a 20 MB
    /// array of zeros never becomes millions of nodes. Malformed JSON passes here and is reported by the parser.
    /// </summary>
    private static bool WithinLimits(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        long values = 0;
        try
        {
            while (reader.Read())
            {
                if (++values > (long)ValuesPerQuestion * SheetLimits.Bank.MaxRows)
                {
                    return false;
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }
        return true;
    }

    private const int ValuesPerQuestion = 60;

    public static void Write(IEnumerable<Question> questions, Stream stream)
    {
        var list = new JsonArray();
        foreach (var q in questions)
        {
            var item = new JsonObject();
            if (q.Key is not null) { item["key"] = q.Key; }
            item["type"] = QuestionTypeNames.English(q.Type);
            item["stem"] = q.Stem;
            if (q.Type is not (QuestionType.TrueFalse or QuestionType.Fill))
            {
                item["options"] = new JsonArray([.. q.Options.Select(o => (JsonNode)o!)]);
            }
            item["answer"] = AnswerNotation.Format(q.Type, q.Answer);
            item["explanation"] = q.Explanation;
            item["category"] = q.Category;
            item["tags"] = new JsonArray([.. q.Tags.Select(t => (JsonNode)t!)]);
            item["difficulty"] = q.Difficulty;
            if (q.ImageUrl is not null) { item["imageUrl"] = q.ImageUrl; }
            if (q.Source is not null) { item["source"] = q.Source; }
            if (q.Excludes.Count > 0) { item["excludes"] = new JsonArray([.. q.Excludes.Select(k => (JsonNode)k!)]); }
            if (q.ReviewBy is { } reviewBy) { item["reviewBy"] = ReviewDates.Format(reviewBy); }
            list.Add(item);
        }
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = Indented.Encoder });
        new JsonObject { ["format"] = FormatName, ["questions"] = list }.WriteTo(writer, Indented);
    }

    private static QuestionDraft ToDraft(int row, JsonObject q, List<ImportError> errors)
    {
        foreach (var (name, _) in q)
        {
            if (!Properties.Contains(name))
            {
                errors.Add(new ImportError(row, name, BankReasons.JsonUnknownProperty.With(("name", name), ("known", string.Join(", ", Properties)))));
            }
        }
        string? Text(string name)
        {
            var node = q[name];
            switch (node?.GetValueKind())
            {
                case null or JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    return node.GetValue<string>();
                case JsonValueKind.Number:
                    return node.ToJsonString();
                default:
                    errors.Add(new ImportError(row, name, BankReasons.JsonNotText.With(("name", name), ("kind", node.GetValueKind().ToString().ToLowerInvariant())), name));
                    return null;
            }
        }
        IReadOnlyList<string> List(string name)
        {
            var node = q[name];
            if (node is JsonArray array && array.All(x => x?.GetValueKind() == JsonValueKind.String))
            {
                return [.. array.Select(x => x!.GetValue<string>())];
            }
            if (node is null || node.GetValueKind() == JsonValueKind.Null)
            {
                return [];
            }
            errors.Add(new ImportError(row, name, BankReasons.JsonNotList.With(("name", name)), name));
            return [];
        }
        // Fill-in alternatives may come as a list; everything else is the one notation.
        var answer = q["answer"] is JsonArray alternatives ? string.Join('|', alternatives.Select(a => a?.ToString())) : Text("answer");
        return new QuestionDraft
        {
            Row = row,
            Key = Text("key"),
            Type = Text("type"),
            Stem = Text("stem"),
            Options = List("options"),
            Answer = answer,
            Explanation = Text("explanation"),
            Category = Text("category"),
            Tags = q["tags"]?.GetValueKind() == JsonValueKind.String ? [.. Text("tags")!.Split(',', StringSplitOptions.TrimEntries)] : List("tags"),
            Difficulty = q["difficulty"] is { } d && d.GetValueKind() == JsonValueKind.Number
                ? d.GetValue<double>().ToString(CultureInfo.InvariantCulture)
                : Text("difficulty"),
            ImageUrl = Text("imageUrl"),
            Source = Text("source"),
            Excludes = q["excludes"]?.GetValueKind() == JsonValueKind.String ? TabularTemplate.SplitKeys(Text("excludes")) : List("excludes"),
            ReviewBy = Text("reviewBy"),
        };
    }
}
