using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class AnswerGraderTests
{
    private static Question Make(QuestionType type, AnswerKey key, int options = 4) => new()
    {
        Id = "q1",
        BankId = "b1",
        Type = type,
        Stem = "stem",
        Options = Enumerable.Range(0, options).Select(i => $"option {i}").ToArray(),
        Answer = key,
    };

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(3, false)]
    public void Single_choice_is_right_only_for_the_keyed_option(int chosen, bool correct) =>
        Assert.Equal(correct, AnswerGrader.Grade(Make(QuestionType.Single, AnswerKey.Choice(1)), Response.Choice(chosen)).Correct);

    [Fact]
    public void Single_choice_with_two_options_given_is_wrong() =>
        Assert.False(AnswerGrader.Grade(Make(QuestionType.Single, AnswerKey.Choice(1)), Response.Choice(1, 2)).Correct);

    [Theory]
    [InlineData(new[] { 0, 2, 3 }, PartialCredit.None, 1.0)]
    [InlineData(new[] { 3, 0, 2 }, PartialCredit.None, 1.0)]
    [InlineData(new[] { 0, 2 }, PartialCredit.None, 0.0)]
    [InlineData(new[] { 0, 2 }, PartialCredit.Proportional, 2.0 / 3)]
    [InlineData(new[] { 0, 1 }, PartialCredit.Proportional, 0.0)]
    [InlineData(new[] { 0, 1, 2, 3 }, PartialCredit.Proportional, 0.0)]
    [InlineData(new[] { 0, 0, 2 }, PartialCredit.Proportional, 0.0)]
    [InlineData(new int[0], PartialCredit.Proportional, 0.0)]
    public void Multiple_choice_scores_all_or_nothing_or_the_share_chosen_without_a_wrong_one(int[] chosen, PartialCredit partial, double credit)
    {
        var grade = AnswerGrader.Grade(Make(QuestionType.Multiple, AnswerKey.Choice(0, 2, 3)), Response.Choice(chosen), partial);
        Assert.Equal(credit, grade.Credit, 6);
    }

    [Theory]
    [InlineData(new[] { 2, 0, 1, 3 }, PartialCredit.None, 1.0)]
    [InlineData(new[] { 2, 0, 3, 1 }, PartialCredit.None, 0.0)]
    [InlineData(new[] { 2, 0, 3, 1 }, PartialCredit.Proportional, 0.5)]
    [InlineData(new[] { 2, 0, 1 }, PartialCredit.Proportional, 0.0)]
    [InlineData(new[] { 2, 2, 1, 3 }, PartialCredit.Proportional, 0.0)]
    public void Ordering_needs_every_item_in_place_unless_partial(int[] order, PartialCredit partial, double credit) =>
        Assert.Equal(credit, AnswerGrader.Grade(Make(QuestionType.Ordering, AnswerKey.Choice(2, 0, 1, 3)), Response.Choice(order), partial).Credit, 6);

    [Theory]
    [InlineData("二氧化碳", true)]
    [InlineData(" CO2 ", true)]
    [InlineData("ＣＯ２", true)]
    [InlineData("co₂", true)]
    [InlineData("二氧化碳。", true)]
    [InlineData("二氧化硫", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Fill_in_accepts_any_listed_answer_after_normalizing(string? given, bool correct)
    {
        var question = Make(QuestionType.Fill, AnswerKey.Texts("二氧化碳", "CO2"), options: 0);
        Assert.Equal(correct, AnswerGrader.Grade(question, Response.Fill(given!)).Correct);
    }
}
