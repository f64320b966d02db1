using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Quiz.Core.Banks.Formats;

/// <summary>One GIFT question: its text read into a draft, or a question written as GIFT answer lines.</summary>
internal static class GiftQuestion
{
    public static QuestionDraft? Parse(int row, string text, string category, JsonObject? meta, List<ImportError> errors)
    {
        var key = (string?)null;
        var body = text.Trim();
        if (body.StartsWith("::", StringComparison.Ordinal))
        {
            var end = FindUnescaped(body, "::", 2);
            if (end < 0)
            {
                errors.Add(new ImportError(row, "key", BankReasons.GiftTitle.With(), "key"));
                return null;
            }
            key = Unescape(body[2..end]).Trim();
            body = body[(end + 2)..].TrimStart();
        }
        if (body.StartsWith('[') && body.IndexOf(']', StringComparison.Ordinal) is var close and > 0 && close < 12)
        {
            body = body[(close + 1)..]; // [html], [markdown], [plain]: text format markers
        }
        var open = FindUnescaped(body, "{", 0);
        var shut = open < 0 ? -1 : FindUnescaped(body, "}", open + 1);
        if (open < 0 || shut < 0)
        {
            errors.Add(new ImportError(row, "answer", (open < 0 ? BankReasons.GiftNoAnswers : BankReasons.GiftUnclosed).With(), "answer"));
            return null;
        }
        var before = Unescape(body[..open]).Trim();
        var after = Unescape(body[(shut + 1)..]).Trim();
        var stem = after.Length > 0 ? $"{before} ____ {after}".Trim() : before;
        var answers = body[(open + 1)..shut];
        var explanation = "";
        var general = FindUnescaped(answers, "####", 0);
        if (general >= 0)
        {
            explanation = Unescape(answers[(general + 4)..]).Trim();
            answers = answers[..general];
        }
        var draft = new QuestionDraft
        {
            Row = row,
            Key = key ?? Meta(meta, "key"),
            Stem = stem,
            Explanation = explanation,
            Category = category,
            Difficulty = Meta(meta, "difficulty"),
            Tags = meta?["tags"] is JsonArray tags ? [.. tags.Select(t => t?.ToString() ?? "")] : [],
            ImageUrl = Meta(meta, "imageUrl"),
            Source = Meta(meta, "source"),
            Excludes = meta?["excludes"] is JsonArray excludes ? [.. excludes.Select(k => k?.ToString() ?? "")] : [],
            ReviewBy = Meta(meta, "reviewBy"),
        };
        return ReadAnswers(draft, answers.Trim(), errors);
    }

    /// <summary>The answer lines of a question, inside its braces.</summary>
    public static IEnumerable<string> Answers(Question q)
    {
        switch (q.Type)
        {
            case QuestionType.TrueFalse:
                return [q.Answer.Options[0] == 0 ? "TRUE" : "FALSE"];
            case QuestionType.Fill:
                return q.Answer.Accepted.Select(a => "=" + GiftBankFile.Escape(a));
            case QuestionType.Ordering:
                return q.Options.Select((o, i) => $"={GiftBankFile.Escape(o)} -> {q.Answer.Options.ToList().IndexOf(i) + 1}");
            case QuestionType.Multiple:
                var share = GiftBankFile.Number(100.0 / q.Answer.Options.Count);
                return q.Options.Select((o, i) => q.Answer.Options.Contains(i) ? $"~%{share}%{GiftBankFile.Escape(o)}" : $"~%-100%{GiftBankFile.Escape(o)}");
            default:
                return q.Options.Select((o, i) => (q.Answer.Options[0] == i ? "=" : "~") + GiftBankFile.Escape(o));
        }
    }

    private static QuestionDraft? ReadAnswers(QuestionDraft draft, string answers, List<ImportError> errors)
    {
        var upper = answers.ToUpperInvariant();
        if (upper is "T" or "TRUE" or "F" or "FALSE" || upper.StartsWith("T#", StringComparison.Ordinal) || upper.StartsWith("F#", StringComparison.Ordinal)
            || upper.StartsWith("TRUE#", StringComparison.Ordinal) || upper.StartsWith("FALSE#", StringComparison.Ordinal))
        {
            return draft with { Type = "truefalse", Answer = upper.StartsWith('T') ? "正确" : "错误" };
        }
        var items = SplitItems(answers);
        if (items.Count == 0)
        {
            errors.Add(new ImportError(draft.Row, "answer", (answers.StartsWith('#') ? BankReasons.GiftNumerical : BankReasons.GiftEmptyAnswers).With(), "answer"));
            return null;
        }
        if (items.Any(i => i.Text.Contains("->", StringComparison.Ordinal)))
        {
            return ReadOrdering(draft, items, errors);
        }
        if (items.All(i => i.Marker == '=' && i.Weight is null))
        {
            return draft with { Type = "fill", Answer = string.Join('|', items.Select(i => i.Text)) };
        }
        var right = items.Select((item, index) => (item, index))
            .Where(x => x.item.Weight is { } w ? w > 0 : x.item.Marker == '=').Select(x => x.index).ToList();
        var multiple = right.Count > 1 || items.Any(i => i.Weight is not null);
        return draft with
        {
            Type = multiple ? "multiple" : "single",
            Options = [.. items.Select(i => i.Text)],
            Answer = string.Concat(right.Select(AnswerNotation.Letter)),
        };
    }

    private static QuestionDraft? ReadOrdering(QuestionDraft draft, List<(char Marker, double? Weight, string Text)> items, List<ImportError> errors)
    {
        var options = new List<string>();
        var positions = new List<int>();
        foreach (var item in items)
        {
            var arrow = item.Text.LastIndexOf("->", StringComparison.Ordinal);
            if (arrow < 0 || !int.TryParse(item.Text[(arrow + 2)..].Trim(), CultureInfo.InvariantCulture, out var position))
            {
                errors.Add(new ImportError(draft.Row, "answer", BankReasons.GiftMatching.With(), "answer"));
                return null;
            }
            options.Add(item.Text[..arrow].Trim());
            positions.Add(position);
        }
        var order = Enumerable.Range(1, positions.Count)
            .Select(p => positions.IndexOf(p) is var i and >= 0 ? AnswerNotation.Letter(i).ToString() : "?");
        return draft with { Type = "ordering", Options = options, Answer = string.Concat(order) };
    }

    private static List<(char Marker, double? Weight, string Text)> SplitItems(string answers)
    {
        var items = new List<(char, double?, string)>();
        var start = -1;
        for (var i = 0; i <= answers.Length; i++)
        {
            if (i < answers.Length && answers[i] == '\\')
            {
                i++; // an escaped character is text, never a marker
                continue;
            }
            if (i < answers.Length && answers[i] is not ('=' or '~'))
            {
                continue;
            }
            if (start >= 0)
            {
                items.Add(Item(answers[start], answers[(start + 1)..i]));
            }
            start = i;
        }
        return items;
    }

    private static (char Marker, double? Weight, string Text) Item(char marker, string raw)
    {
        var feedback = FindUnescaped(raw, "#", 0); // per-answer feedback, not kept
        var text = (feedback >= 0 ? raw[..feedback] : raw).Trim();
        double? weight = null;
        if (text.StartsWith('%') && text.IndexOf('%', 1) is var end and > 0
            && double.TryParse(text[1..end], CultureInfo.InvariantCulture, out var w))
        {
            weight = w;
            text = text[(end + 1)..];
        }
        return (marker, weight, Unescape(text).Trim());
    }

    private static string? Meta(JsonObject? meta, string name) => meta?[name]?.ToString();

    internal static int FindUnescaped(string text, string token, int from)
    {
        for (var i = from; i <= text.Length - token.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }
            if (string.CompareOrdinal(text, i, token, 0, token.Length) == 0)
            {
                return i;
            }
        }
        return -1;
    }

    internal static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] == 'n' ? '\n' : text[i]);
            }
            else
            {
                builder.Append(text[i]);
            }
        }
        return builder.ToString();
    }
}
