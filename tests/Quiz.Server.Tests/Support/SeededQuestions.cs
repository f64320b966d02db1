using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Server.Tests.Support;

/// <summary>A small fixed bank for live-play tests: one question of each type, with a distinctive fill-in key.</summary>
public sealed class SeededQuestions : IQuestionSource
{
    public const string BankId = "seeded";

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

    public ValueTask<IReadOnlyList<Question>> GetQuestionsAsync(string bankId, IReadOnlyList<string> questionIds, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Question>>(questionIds
            .Select(id => All.FirstOrDefault(q => q.Id == id) ?? throw DomainException.NotFound("Question", id)).ToList());

    public ValueTask<IReadOnlyList<Question>> GetActiveQuestionsAsync(string bankId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(All);

    private static Question Make(string id, QuestionType type, string stem, IReadOnlyList<string> options, AnswerKey key) => new()
    {
        Id = id,
        BankId = BankId,
        Type = type,
        Stem = stem,
        Options = options,
        Answer = key,
        Explanation = "解析",
    };
}
