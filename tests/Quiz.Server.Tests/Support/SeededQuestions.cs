using Quiz.Core.Banks;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// A small bank for live-play tests, one question of each type, imported through the real banks API as JSON.
/// Keys double as names in tests; <see cref="All"/> holds the same questions for computing expected results.
/// </summary>
public static class SeededQuestions
{
    /// <summary>The accepted fill-in answer: a string that appears nowhere else, so a leak is easy to spot.</summary>
    public const string SecretFill = "钛镍记忆合金";

    public static readonly IReadOnlyList<Question> All =
    [
        Make("q-single", QuestionType.Single, "我国提出力争在哪一年前实现碳中和？", ["2030年", "2050年", "2060年", "2070年"], AnswerKey.Choice(2)),
        Make("q-multi", QuestionType.Multiple, "下列哪些属于温室气体？", ["二氧化碳", "甲烷", "氮气", "氧化亚氮"], AnswerKey.Choice(0, 1, 3)),
        Make("q-tf", QuestionType.TrueFalse, "抗生素对病毒性感冒有效。", Question.TrueFalseOptions, AnswerKey.Choice(1)),
        Make("q-fill", QuestionType.Fill, "一种能“记住”原来形状的合金叫____。", [], AnswerKey.Texts(SecretFill)),
        Make("q-order", QuestionType.Ordering, "把心肺复苏的步骤排好顺序。", ["胸外按压", "判断意识", "呼救", "开放气道"], AnswerKey.Choice(1, 2, 0, 3)),
    ];

    /// <summary>The bank file, in the JSON import format and its answer notation.</summary>
    public const string Json = """
        {
          "format": "quiz-bank/1",
          "questions": [
            { "key": "q-single", "type": "single", "stem": "我国提出力争在哪一年前实现碳中和？", "options": ["2030年", "2050年", "2060年", "2070年"], "answer": "C", "explanation": "解析" },
            { "key": "q-multi", "type": "multiple", "stem": "下列哪些属于温室气体？", "options": ["二氧化碳", "甲烷", "氮气", "氧化亚氮"], "answer": "ABD", "explanation": "解析" },
            { "key": "q-tf", "type": "truefalse", "stem": "抗生素对病毒性感冒有效。", "answer": "错误", "explanation": "解析" },
            { "key": "q-fill", "type": "fill", "stem": "一种能“记住”原来形状的合金叫____。", "answer": "钛镍记忆合金", "explanation": "解析" },
            { "key": "q-order", "type": "ordering", "stem": "把心肺复苏的步骤排好顺序。", "options": ["胸外按压", "判断意识", "呼救", "开放气道"], "answer": "BCAD", "explanation": "解析" }
          ]
        }
        """;

    private static Question Make(string key, QuestionType type, string stem, IReadOnlyList<string> options, AnswerKey answer) => new()
    {
        Id = key,
        Key = key,
        BankId = "",
        Type = type,
        Stem = stem,
        Options = options,
        Answer = answer,
        Explanation = "解析",
    };
}
