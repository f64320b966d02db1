using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class AnswerNotationTests
{
    [Theory]
    [InlineData(QuestionType.Single, "B", 4, new[] { 1 })]
    [InlineData(QuestionType.Single, " ｂ ", 4, new[] { 1 })]
    [InlineData(QuestionType.Multiple, "DCA", 4, new[] { 0, 2, 3 })]
    [InlineData(QuestionType.Multiple, "A、C", 4, new[] { 0, 2 })]
    [InlineData(QuestionType.Ordering, "CABD", 4, new[] { 2, 0, 1, 3 })]
    [InlineData(QuestionType.TrueFalse, "对", 2, new[] { 0 })]
    [InlineData(QuestionType.TrueFalse, "√", 2, new[] { 0 })]
    [InlineData(QuestionType.TrueFalse, "F", 2, new[] { 1 })]
    [InlineData(QuestionType.TrueFalse, "错误", 2, new[] { 1 })]
    [InlineData(QuestionType.TrueFalse, "false", 2, new[] { 1 })]
    public void Reads_the_notation(QuestionType type, string text, int options, int[] expected)
    {
        var key = AnswerNotation.Parse(type, text, options, out var error);
        Assert.Null(error);
        Assert.Equal(expected, key!.Options);
    }

    [Theory]
    [InlineData(QuestionType.Single, "E", 4, "not among the options")]
    [InlineData(QuestionType.Single, "AB", 4, "one letter")]
    [InlineData(QuestionType.Multiple, "A", 4, "two or more")]
    [InlineData(QuestionType.Multiple, "AAB", 4, "twice")]
    [InlineData(QuestionType.Ordering, "CAB", 4, "all 4")]
    [InlineData(QuestionType.TrueFalse, "也许", 2, "正确 or 错误")]
    [InlineData(QuestionType.Single, "", 4, "empty")]
    [InlineData(QuestionType.Single, "1", 4, "option letters")]
    public void Refuses_with_a_reason(QuestionType type, string text, int options, string reason)
    {
        Assert.Null(AnswerNotation.Parse(type, text, options, out var error));
        Assert.Contains(reason, error!.Message);
    }

    [Fact]
    public void Fill_alternatives_are_split_trimmed_and_deduplicated()
    {
        var key = AnswerNotation.Parse(QuestionType.Fill, " 二氧化碳 | CO2 ||CO2", 0, out _);
        Assert.Equal(["二氧化碳", "CO2"], key!.Accepted);
    }

    [Fact]
    public void Format_writes_what_parse_reads()
    {
        foreach (var q in Samples.AllTypes())
        {
            var text = AnswerNotation.Format(q.Type, q.Answer);
            Assert.Equal(q.Answer, AnswerNotation.Parse(q.Type, text, q.Options.Count, out _));
        }
    }
}
