namespace Quiz.Core.Banks;

/// <summary>Short random ids: 48 bits, so tens of thousands of questions per bank never collide in practice.</summary>
public static class QuestionIds
{
    public static string NewQuestionId() => "q" + Guid.NewGuid().ToString("N")[..12];

    public static string NewBankId() => "b" + Guid.NewGuid().ToString("N")[..12];
}
