namespace Quiz.Core.Banks;

/// <summary>The kinds of question a bank holds. True/false is a two-option single choice (正确 / 错误).</summary>
public enum QuestionType
{
    Single,
    Multiple,
    TrueFalse,
    Fill,
    Ordering,
}
