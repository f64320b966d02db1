using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

/// <summary>One question of every type, with the characters that trip formats up (quotes, commas, GIFT markers).</summary>
internal static class Samples
{
    public static Question[] AllTypes() =>
    [
        Make("s1", QuestionType.Single, "我国提出碳达峰的年份是?", ["2025年", "2030年", "2035年"], AnswerKey.Choice(1), "双碳/目标", ["双碳"], 1),
        Make("m1", QuestionType.Multiple, "下列属于可再生能源的是(多选), 注意 \"引号\" 与 {括号}", ["太阳能", "风能", "煤炭", "水能=水力"], AnswerKey.Choice(0, 1, 3), "双碳/能源", ["能源", "可再生"], 3),
        Make("t1", QuestionType.TrueFalse, "光年是时间单位。", Question.TrueFalseOptions, AnswerKey.Choice(1), "科学常识", [], 2),
        Make("f1", QuestionType.Fill, "植物吸收____进行光合作用。", [], AnswerKey.Texts("二氧化碳", "CO2"), "生命/植物", ["光合作用"], 2)
            with { Excludes = ["s1", "键 含、顿号"], ReviewBy = new DateOnly(2027, 3, 16) },
        Make("o1", QuestionType.Ordering, "按从小到大排列: 1:2 比例 ~ 与 #", ["原子", "分子", "细胞", "器官"], AnswerKey.Choice(0, 1, 2, 3), "生命/结构", ["排序"], 4),
    ];

    public static Question Make(string key, QuestionType type, string stem, IReadOnlyList<string> options, AnswerKey answer,
        string category = "", IReadOnlyList<string>? tags = null, int difficulty = 3, string id = "") => new()
        {
            Id = id.Length > 0 ? id : "q-" + key,
            BankId = "b",
            Key = key,
            Type = type,
            Stem = stem,
            Options = options,
            Answer = answer,
            Explanation = "解析: " + stem,
            Category = category,
            Tags = tags ?? [],
            Difficulty = difficulty,
            Source = "测试",
        };

    /// <summary>Content equality, ignoring ids and versions.</summary>
    public static void AssertSameContent(IReadOnlyList<Question> expected, IReadOnlyList<Question> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(QuestionIdentity.SameContent(expected[i], actual[i] with { Id = expected[i].Id }),
                $"question {i} differs: {expected[i]} vs {actual[i]}");
        }
    }
}
