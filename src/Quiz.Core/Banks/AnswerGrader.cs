namespace Quiz.Core.Banks;

/// <summary>Grades one response against a question's key. Pure: no clock, no I/O.</summary>
public static class AnswerGrader
{
    public static Grade Grade(Question question, Response response, PartialCredit partial = PartialCredit.None) =>
        question.Type switch
        {
            QuestionType.Single or QuestionType.TrueFalse => GradeSingle(question.Answer, response),
            QuestionType.Multiple => GradeMultiple(question.Answer, response, partial),
            QuestionType.Ordering => GradeOrdering(question.Answer, response, partial),
            QuestionType.Fill => GradeFill(question.Answer, response),
            _ => Banks.Grade.Wrong,
        };

    private static Grade GradeSingle(AnswerKey key, Response response) =>
        response.Options.Count == 1 && response.Options[0] == key.Options[0] ? Banks.Grade.Right : Banks.Grade.Wrong;

    private static Grade GradeMultiple(AnswerKey key, Response response, PartialCredit partial)
    {
        var chosen = response.Options.ToHashSet();
        if (chosen.Count == 0 || chosen.Count != response.Options.Count)
        {
            return Banks.Grade.Wrong; // nothing chosen, or the same option twice: malformed, never rewarded
        }
        var right = key.Options.ToHashSet();
        if (chosen.SetEquals(right))
        {
            return Banks.Grade.Right;
        }
        if (partial == PartialCredit.None || !chosen.IsSubsetOf(right))
        {
            return Banks.Grade.Wrong;
        }
        return new Grade(chosen.Count, right.Count);
    }

    private static Grade GradeOrdering(AnswerKey key, Response response, PartialCredit partial)
    {
        var order = response.Options;
        if (order.Count != key.Options.Count || order.Distinct().Count() != order.Count)
        {
            return Banks.Grade.Wrong;
        }
        var inPlace = order.Where((option, i) => key.Options[i] == option).Count();
        if (inPlace == order.Count)
        {
            return Banks.Grade.Right;
        }
        return partial == PartialCredit.Proportional && inPlace > 0 ? new Grade(inPlace, order.Count) : Banks.Grade.Wrong;
    }

    private static Grade GradeFill(AnswerKey key, Response response)
    {
        var given = TextNormalizer.Normalize(response.Text);
        return given.Length > 0 && key.Accepted.Any(a => TextNormalizer.Normalize(a) == given)
            ? Banks.Grade.Right
            : Banks.Grade.Wrong;
    }
}
