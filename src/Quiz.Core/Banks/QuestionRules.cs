using System.Text;

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

    public static Question? Check(QuestionDraft draft, List<DraftError> errors)
    {
        var before = errors.Count;
        var key = Clean(draft.Key, DraftField.Key, MaxShort, errors);
        var stem = Clean(draft.Stem, DraftField.Stem, MaxStem, errors);
        if (string.IsNullOrWhiteSpace(draft.Stem))
        {
            errors.Add(new DraftError(DraftField.Stem, "the stem (题干) is empty"));
        }
        var typeKnown = QuestionTypeNames.TryParse(draft.Type, out var type);
        if (!typeKnown)
        {
            errors.Add(new DraftError(DraftField.Type, string.IsNullOrWhiteSpace(draft.Type)
                ? "the question type (题型) is empty; use 单选, 多选, 判断, 填空 or 排序"
                : $"unknown question type '{Truncate(draft.Type!)}'; use 单选, 多选, 判断, 填空 or 排序"));
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
        var explanation = Clean(draft.Explanation, DraftField.Explanation, MaxExplanation, errors);
        var category = string.Join('/', Clean(draft.Category, DraftField.Category, MaxShort, errors)
            .Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var tags = CheckTags(draft.Tags, errors);
        var difficulty = CheckDifficulty(draft.Difficulty, errors);
        var image = Clean(draft.ImageUrl, DraftField.ImageUrl, MaxUrl, errors);
        if (image.Length > 0 && !(image.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || image.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || image.StartsWith('/')))
        {
            errors.Add(new DraftError(DraftField.ImageUrl, "the image must be an http(s) address or a path starting with /"));
        }
        var source = Clean(draft.Source, DraftField.Source, MaxShort, errors);
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
        };
    }

    private static List<string>? CheckOptions(QuestionType type, IReadOnlyList<string> given, List<DraftError> errors)
    {
        var options = given.Select(o => (o ?? "").Trim()).ToList();
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
                errors.Add(new DraftError(DraftField.Options, "a true/false question has no options of its own (it is always 正确/错误)"));
                return null;
            case QuestionType.Fill:
                if (options.Count == 0)
                {
                    return [];
                }
                errors.Add(new DraftError(DraftField.Options, "a fill-in question has no options; put the accepted answers in 答案, separated by |"));
                return null;
        }
        var ok = true;
        if (options.Count < 2 || options.Count > AnswerNotation.MaxOptions)
        {
            errors.Add(new DraftError(DraftField.Options, $"needs 2 to {AnswerNotation.MaxOptions} options, has {options.Count}"));
            ok = false;
        }
        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Length == 0)
            {
                errors.Add(new DraftError(DraftField.Options, $"option {AnswerNotation.Letter(i)} is empty but a later one is not", i));
                ok = false;
            }
            else if (options[i].Length > MaxOption)
            {
                errors.Add(new DraftError(DraftField.Options, TooLong(options[i].Length, MaxOption), i));
                ok = false;
            }
            else if (options.IndexOf(options[i]) < i)
            {
                errors.Add(new DraftError(DraftField.Options, $"option {AnswerNotation.Letter(i)} repeats option {AnswerNotation.Letter(options.IndexOf(options[i]))}", i));
                ok = false;
            }
        }
        return ok ? options : null;
    }

    private static List<string> CheckTags(IReadOnlyList<string> given, List<DraftError> errors)
    {
        var tags = given.Select(t => (t ?? "").Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > MaxTags)
        {
            errors.Add(new DraftError(DraftField.Tags, $"at most {MaxTags} tags, has {tags.Count}"));
        }
        foreach (var tag in tags.Where(t => t.Length > MaxTag))
        {
            errors.Add(new DraftError(DraftField.Tags, $"tag '{Truncate(tag)}' is {TooLong(tag.Length, MaxTag)}"));
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
        errors.Add(new DraftError(DraftField.Difficulty, $"difficulty (难度) is a whole number from 1 to 5, not '{Truncate(text)}'"));
        return 3;
    }

    private static string Clean(string? text, DraftField field, int max, List<DraftError> errors)
    {
        var value = (text ?? "").Trim();
        if (value.Length > max)
        {
            errors.Add(new DraftError(field, TooLong(value.Length, max)));
            return "";
        }
        return value;
    }

    private static string TooLong(int length, int max) => $"too long: {length:N0} characters (at most {max:N0})";

    private static string Truncate(string text, int max = 40) => text.Length <= max ? text : text[..max] + "…";
}
