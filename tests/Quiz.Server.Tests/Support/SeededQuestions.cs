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

    /// <summary>The bank file, in the JSON import format and its answer notation (shared with the browser tests).</summary>
    public const string Json = """
        {
          "format": "quiz-bank/1",
          "questions": [
            { "key": "q-single", "type": "single", "stem": "我国提出力争在哪一年前实现碳中和？", "options": ["2030年", "2050年", "2060年", "2070年"], "answer": "C", "explanation": "2020年9月，我国提出二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。" },
            { "key": "q-multi", "type": "multiple", "stem": "下列哪些属于温室气体？", "options": ["二氧化碳", "甲烷", "氮气", "氧化亚氮"], "answer": "ABD", "explanation": "氮气约占空气的78%，不吸收红外辐射，不是温室气体。" },
            { "key": "q-tf", "type": "truefalse", "stem": "抗生素对病毒性感冒有效。", "answer": "错误", "explanation": "抗生素只对细菌起作用，对病毒无效；滥用会导致耐药。" },
            { "key": "q-fill", "type": "fill", "stem": "一种能“记住”原来形状的合金叫____。", "answer": "钛镍记忆合金", "explanation": "形状记忆合金受热后能恢复原来的形状。" },
            { "key": "q-order", "type": "ordering", "stem": "把心肺复苏的步骤排好顺序。", "options": ["胸外按压", "判断意识", "呼救", "开放气道"], "answer": "BCAD", "explanation": "先判断意识，再呼救，然后胸外按压、开放气道。" }
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
