using System.Text;
using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>
/// The one answer notation of every import format and the API: letters for choices (B, ACD) and orders (CABD),
/// 正确/错误 (or 对/错, √/×, T/F, true/false) for true/false, alternatives separated by '|' for fill-in.
/// </summary>
public static class AnswerNotation
{
    public const int MaxOptions = 8;

    private static readonly HashSet<string> Truthy = new(StringComparer.OrdinalIgnoreCase) { "正确", "对", "√", "✓", "✔", "t", "true", "是", "y", "yes" };
    private static readonly HashSet<string> Falsy = new(StringComparer.OrdinalIgnoreCase) { "错误", "错", "×", "✗", "✘", "x", "f", "false", "否", "n", "no" };

    /// <summary>Reads an answer for a question with <paramref name="optionCount"/> options; null with a reason when it cannot.</summary>
    public static AnswerKey? Parse(QuestionType type, string? text, int optionCount, out Reason? error)
    {
        error = null;
        var raw = (text ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (raw.Length == 0)
        {
            error = BankReasons.AnswerEmpty.With();
            return null;
        }
        switch (type)
        {
            case QuestionType.TrueFalse:
                if (Truthy.Contains(raw)) { return AnswerKey.Choice(0); }
                if (Falsy.Contains(raw)) { return AnswerKey.Choice(1); }
                error = BankReasons.AnswerNotTrueFalse.With(("value", raw));
                return null;
            case QuestionType.Fill:
                var accepted = raw.Split('|').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToArray();
                if (accepted.Length == 0) { error = BankReasons.AnswerEmpty.With(); return null; }
                return AnswerKey.Texts(accepted);
            default:
                return ParseLetters(type, raw, optionCount, out error);
        }
    }

    /// <summary>The answer written back in the notation <see cref="Parse"/> reads.</summary>
    public static string Format(QuestionType type, AnswerKey key) => type switch
    {
        QuestionType.TrueFalse => key.Options.Count > 0 && key.Options[0] == 1 ? "错误" : "正确",
        QuestionType.Fill => string.Join('|', key.Accepted),
        _ => string.Concat(key.Options.Select(Letter)),
    };

    public static char Letter(int index) => (char)('A' + index);

    private static AnswerKey? ParseLetters(QuestionType type, string raw, int optionCount, out Reason? error)
    {
        error = null;
        var last = Letter(Math.Max(optionCount, 1) - 1);
        var letters = new List<int>();
        foreach (var c in raw.ToUpperInvariant())
        {
            if (c is ' ' or ',' or '、' or ';' or '|')
            {
                continue; // "A, C" and "A、C" are how people write sets by hand
            }
            if (c is < 'A' or > 'Z')
            {
                error = BankReasons.AnswerNotLetters.With(("value", raw), ("last", last));
                return null;
            }
            var index = c - 'A';
            if (index >= optionCount)
            {
                error = BankReasons.AnswerNotAnOption.With(("letter", c), ("count", optionCount), ("last", last));
                return null;
            }
            letters.Add(index);
        }
        if (letters.Distinct().Count() != letters.Count)
        {
            error = BankReasons.AnswerRepeat.With(("value", raw));
            return null;
        }
        switch (type)
        {
            case QuestionType.Single when letters.Count != 1:
                error = BankReasons.AnswerSingle.With(("value", raw));
                return null;
            case QuestionType.Multiple when letters.Count < 2:
                error = BankReasons.AnswerMultiple.With(("value", raw));
                return null;
            case QuestionType.Multiple:
                letters.Sort();
                break;
            case QuestionType.Ordering when letters.Count != optionCount:
                error = BankReasons.AnswerOrdering.With(("count", optionCount), ("value", raw));
                return null;
        }
        return AnswerKey.Choice([.. letters]);
    }
}
