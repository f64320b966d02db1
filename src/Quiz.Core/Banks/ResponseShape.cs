namespace Quiz.Core.Banks;

/// <summary>Whether a response fits its question at all; a malformed one is refused, not stored and graded wrong.</summary>
public static class ResponseShape
{
    public const int MaxText = 200;

    public static string? Problem(Question question, IReadOnlyList<int> options, string? text)
    {
        var n = question.Options.Count;
        if (options.Any(o => o < 0 || o >= n) || options.Distinct().Count() != options.Count)
        {
            return "options must be distinct option ids of this question";
        }
        return question.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse when options.Count != 1 => "choose exactly one option",
            QuestionType.Multiple when options.Count == 0 => "choose at least one option",
            QuestionType.Ordering when options.Count != n => "give every option, in order",
            QuestionType.Fill when options.Count > 0 || string.IsNullOrWhiteSpace(text) => "give the text",
            QuestionType.Fill => null,
            _ when text is not null => "text is only for fill-in questions",
            _ => null,
        };
    }
}
