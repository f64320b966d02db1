using System.Text;
using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>
/// Turns a draft into a question or says every reason it cannot. The one place the content rules live, for the
/// API and every import format alike.
/// </summary>
public static class QuestionRules
{
    public const int MaxStem = 2000;
    public const int MaxOption = 500;
    public const int MaxExplanation = 5000;
    public const int MaxShort = 200;
    public const int MaxUrl = 1000;
    public const int MaxTags = 20;
    public const int MaxTag = 50;
    public const int MaxExcludes = 20;

    public static Question? Check(QuestionDraft draft, List<DraftError> errors)
    {
        var before = errors.Count;
        var key = Clean(draft.Key, DraftField.Key, MaxShort, errors);
        var stem = Clean(draft.Stem, DraftField.Stem, MaxStem, errors, TextShape.Prose);
        if (stem.Length == 0 && !errors.Skip(before).Any(e => e.Field == DraftField.Stem))
        {
            errors.Add(new DraftError(DraftField.Stem, BankReasons.StemEmpty.With()));
        }
        var typeKnown = QuestionTypeNames.TryParse(draft.Type, out var type);
        if (!typeKnown)
        {
            errors.Add(new DraftError(DraftField.Type, string.IsNullOrWhiteSpace(draft.Type)
                ? BankReasons.TypeEmpty.With()
                : BankReasons.TypeUnknown.With(("value", Truncate(draft.Type!)))));
        }
        var options = typeKnown ? CheckOptions(type, draft.Options, errors) : [];
        AnswerKey? answer = null;
        if (typeKnown && options is not null)
        {
            answer = AnswerNotation.Parse(type, Truncate(draft.Answer ?? "", 200), options.Count, out var answerError);
            if (answerError is not null)
            {
                errors.Add(new DraftError(DraftField.Answer, answerError));
            }
        }
        var explanation = Clean(draft.Explanation, DraftField.Explanation, MaxExplanation, errors, TextShape.Prose);
        var category = string.Join('/', Clean(draft.Category, DraftField.Category, MaxShort, errors)
            .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var tags = CheckTags(draft.Tags, errors);
        var difficulty = CheckDifficulty(draft.Difficulty, errors);
        var image = Clean(draft.ImageUrl, DraftField.ImageUrl, MaxUrl, errors);
        if (image.Length > 0 && !(image.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || image.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || image.StartsWith('/')))
        {
            errors.Add(new DraftError(DraftField.ImageUrl, BankReasons.ImageInvalid.With(("value", Truncate(image)))));
        }
        var source = Clean(draft.Source, DraftField.Source, MaxShort, errors);
        var excludes = CheckExcludes(draft.Excludes, key, errors);
        DateOnly? reviewBy = null;
        if (!string.IsNullOrWhiteSpace(draft.ReviewBy))
        {
            reviewBy = ReviewDates.Parse(draft.ReviewBy);
            if (reviewBy is null)
            {
                errors.Add(new DraftError(DraftField.ReviewBy, BankReasons.ReviewByInvalid.With(("value", Truncate(draft.ReviewBy.Trim())))));
            }
        }
        if (errors.Count > before || answer is null || options is null)
        {
            return null;
        }
        return new Question
        {
            Id = "",
            BankId = "",
            Key = key.Length == 0 ? null : key,
            Type = type,
            Stem = stem,
            Options = options,
            Answer = answer,
            Explanation = explanation,
            Category = category,
            Tags = tags,
            Difficulty = difficulty,
            ImageUrl = image.Length == 0 ? null : image,
            Source = source.Length == 0 ? null : source,
            Excludes = excludes,
            ReviewBy = reviewBy,
        };
    }

    /// <summary>Other questions' keys, each once; the sheet formats separate them with | or , so a key holding one cannot be named.</summary>
    private static List<string> CheckExcludes(IReadOnlyList<string> given, string ownKey, List<DraftError> errors)
    {
        var keys = given.Select(k => (k ?? "").Trim()).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count > MaxExcludes)
        {
            errors.Add(new DraftError(DraftField.Excludes, BankReasons.ExcludesCount.With(("max", MaxExcludes), ("count", keys.Count))));
        }
        foreach (var key in keys)
        {
            if (key.Length > MaxShort || key.IndexOfAny(TabularTemplateSeparators) >= 0)
            {
                errors.Add(new DraftError(DraftField.Excludes, BankReasons.ExcludeInvalid.With(("key", Truncate(key)), ("max", MaxShort))));
            }
            else if (key == ownKey)
            {
                errors.Add(new DraftError(DraftField.Excludes, BankReasons.ExcludeSelf.With(("key", key))));
            }
        }
        return keys;
    }

    private static readonly char[] TabularTemplateSeparators = ['|', ','];

    private static List<string>? CheckOptions(QuestionType type, IReadOnlyList<string> given, List<DraftError> errors)
    {
        var options = given.Select(o => TypedText.Clean(o, TextShape.Prose)).ToList();
        while (options.Count > 0 && options[^1].Length == 0)
        {
            options.RemoveAt(options.Count - 1); // empty trailing columns (选项E-H) are the template's normal case
        }
        switch (type)
        {
            case QuestionType.TrueFalse:
                if (options.Count == 0 || options.SequenceEqual(Question.TrueFalseOptions))
                {
                    return [.. Question.TrueFalseOptions];
                }
                errors.Add(new DraftError(DraftField.Options, BankReasons.OptionsOnTrueFalse.With()));
                return null;
            case QuestionType.Fill:
                if (options.Count == 0)
                {
                    return [];
                }
                errors.Add(new DraftError(DraftField.Options, BankReasons.OptionsOnFill.With()));
                return null;
        }
        var ok = true;
        if (options.Count < 2 || options.Count > AnswerNotation.MaxOptions)
        {
            errors.Add(new DraftError(DraftField.Options, BankReasons.OptionCount.With(("min", 2), ("max", AnswerNotation.MaxOptions), ("count", options.Count))));
            ok = false;
        }
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Length == 0)
            {
                errors.Add(new DraftError(DraftField.Options, BankReasons.OptionGap.With(("option", AnswerNotation.Letter(i))), i));
                ok = false;
            }
            else if (TypedText.Problem(options[i], TextShape.Prose, MaxOption) is { } problem)
            {
                errors.Add(new DraftError(DraftField.Options, problem, i));
                ok = false;
            }
            else if (options.IndexOf(options[i]) < i)
            {
                errors.Add(new DraftError(DraftField.Options, BankReasons.OptionRepeat.With(("option", AnswerNotation.Letter(i)), ("first", AnswerNotation.Letter(options.IndexOf(options[i])))), i));
                ok = false;
            }
        }
        return ok ? options : null;
    }

    private static List<string> CheckTags(IReadOnlyList<string> given, List<DraftError> errors)
    {
        var tags = given.Select(t => TypedText.Clean(t, TextShape.Line)).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags)
        {
            errors.Add(new DraftError(DraftField.Tags, BankReasons.TagCount.With(("max", MaxTags), ("count", tags.Count))));
        }
        foreach (var tag in tags)
        {
            var length = TypedText.Length(tag);
            if (length > MaxTag)
            {
                errors.Add(new DraftError(DraftField.Tags, BankReasons.TagTooLong.With(("tag", Truncate(tag)), ("length", ReasonText.Grouped(length)), ("max", ReasonText.Grouped(MaxTag)))));
            }
            else if (TypedText.Problem(tag, TextShape.Line, MaxTag) is { } problem)
            {
                errors.Add(new DraftError(DraftField.Tags, problem));
            }
        }
        return tags;
    }

    private static int CheckDifficulty(string? given, List<DraftError> errors)
    {
        var text = (given ?? "").Normalize(NormalizationForm.FormKC).Trim();
        if (text.Length == 0)
        {
            return 3;
        }
        if (int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5)
        {
            return value;
        }
        errors.Add(new DraftError(DraftField.Difficulty, BankReasons.DifficultyInvalid.With(("value", Truncate(text)))));
        return 3;
    }

    /// <summary>The text as stored (see <see cref="TypedText"/>), or "" with the reason it is refused.</summary>
    private static string Clean(string? text, DraftField field, int max, List<DraftError> errors, TextShape shape = TextShape.Line, int? option = null)
    {
        if (TypedText.Problem(text, shape, max) is { } problem)
        {
            errors.Add(new DraftError(field, problem, option));
            return "";
        }
        return TypedText.Clean(text, shape);
    }

    private static string Truncate(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";
}
