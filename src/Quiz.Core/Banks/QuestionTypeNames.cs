namespace Quiz.Core.Banks;

/// <summary>The names a question type goes by: the API's English words and the 题型 organizers type in sheets.</summary>
public static class QuestionTypeNames
{
    private static readonly Dictionary<string, QuestionType> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["single"] = QuestionType.Single, ["单选"] = QuestionType.Single, ["单选题"] = QuestionType.Single,
        ["单项选择"] = QuestionType.Single, ["单项选择题"] = QuestionType.Single,
        ["multiple"] = QuestionType.Multiple, ["多选"] = QuestionType.Multiple, ["多选题"] = QuestionType.Multiple,
        ["多项选择"] = QuestionType.Multiple, ["多项选择题"] = QuestionType.Multiple, ["不定项选择题"] = QuestionType.Multiple,
        ["truefalse"] = QuestionType.TrueFalse, ["true_false"] = QuestionType.TrueFalse, ["判断"] = QuestionType.TrueFalse,
        ["判断题"] = QuestionType.TrueFalse, ["是非题"] = QuestionType.TrueFalse,
        ["fill"] = QuestionType.Fill, ["填空"] = QuestionType.Fill, ["填空题"] = QuestionType.Fill,
        ["ordering"] = QuestionType.Ordering, ["排序"] = QuestionType.Ordering, ["排序题"] = QuestionType.Ordering,
    };

    public static bool TryParse(string? text, out QuestionType type) =>
        Known.TryGetValue(TextNormalizer.Normalize(text), out type);

    /// <summary>The API's name: single, multiple, truefalse, fill, ordering.</summary>
    public static string English(QuestionType type) => type switch
    {
        QuestionType.Single => "single",
        QuestionType.Multiple => "multiple",
        QuestionType.TrueFalse => "truefalse",
        QuestionType.Fill => "fill",
        _ => "ordering",
    };

    /// <summary>The sheet template's name: 单选, 多选, 判断, 填空, 排序.</summary>
    public static string Chinese(QuestionType type) => type switch
    {
        QuestionType.Single => "单选",
        QuestionType.Multiple => "多选",
        QuestionType.TrueFalse => "判断",
        QuestionType.Fill => "填空",
        _ => "排序",
    };
}
