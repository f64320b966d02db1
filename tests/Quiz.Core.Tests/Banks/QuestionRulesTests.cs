using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class QuestionRulesTests
{
    private static (Question? Question, List<DraftError> Errors) Check(QuestionDraft draft)
    {
        var errors = new List<DraftError>();
        return (QuestionRules.Check(draft, errors), errors);
    }

    private static readonly QuestionDraft Valid = new()
    {
        Type = "单选", Stem = " 题干 ", Options = ["甲", "乙", "", ""], Answer = "b", Difficulty = "2",
        Category = " 健康 / 营养 ", Tags = ["a", " a ", "b"],
    };

    [Fact]
    public void A_valid_draft_becomes_a_clean_question()
    {
        var (q, errors) = Check(Valid);
        Assert.Empty(errors);
        Assert.Equal("题干", q!.Stem);
        Assert.Equal(["甲", "乙"], q.Options);
        Assert.Equal("健康/营养", q.Category);
        Assert.Equal(["a", "b"], q.Tags);
        Assert.Equal(2, q.Difficulty);
    }

    [Theory]
    [InlineData("选择题", DraftField.Type, "unknown question type")]
    [InlineData("", DraftField.Type, "empty")]
    public void Unknown_or_missing_type(string type, DraftField field, string reason)
    {
        var (_, errors) = Check(Valid with { Type = type });
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var (q, errors) = Check(new QuestionDraft { Type = "多选", Stem = "", Options = ["甲", "", "丙"], Answer = "AD", Difficulty = "9" });
        Assert.Null(q);
        Assert.Contains(errors, e => e.Field == DraftField.Stem);
        Assert.Contains(errors, e => e.Field == DraftField.Options && e.Option == 1);
        Assert.Contains(errors, e => e.Field == DraftField.Difficulty);
    }

    [Fact]
    public void Answer_not_among_options()
    {
        var (_, errors) = Check(Valid with { Answer = "C" });
        Assert.Contains(errors, e => e.Field == DraftField.Answer && e.Message.Contains("not among the options", StringComparison.Ordinal));
    }

    [Fact]
    public void A_five_megabyte_cell_is_refused_by_length()
    {
        var (_, errors) = Check(Valid with { Explanation = new string('长', 5 * 1024 * 1024) });
        var error = Assert.Single(errors);
        Assert.Equal(DraftField.Explanation, error.Field);
        Assert.Contains("too long", error.Message);
    }

    [Fact]
    public void Repeated_options_and_options_on_fill_questions_are_refused()
    {
        Assert.Contains(Check(Valid with { Options = ["甲", "甲"] }).Errors, e => e.Message.Contains("repeats", StringComparison.Ordinal));
        Assert.Contains(Check(new QuestionDraft { Type = "填空", Stem = "x", Options = ["甲"], Answer = "甲" }).Errors, e => e.Field == DraftField.Options);
    }

    [Fact]
    public void True_false_gets_its_fixed_options()
    {
        var (q, errors) = Check(new QuestionDraft { Type = "判断", Stem = "水是液体。", Answer = "√" });
        Assert.Empty(errors);
        Assert.Equal(Question.TrueFalseOptions, q!.Options);
        Assert.Equal(AnswerKey.Choice(0), q.Answer);
    }
}
