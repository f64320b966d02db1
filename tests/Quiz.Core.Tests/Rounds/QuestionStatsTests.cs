using Quiz.Core.Banks;
using Quiz.Core.Rounds;
using Quiz.Core.Tests.Banks;

namespace Quiz.Core.Tests.Rounds;

public sealed class QuestionStatsTests
{
    private static ItemOutcome Answered(params int[] options) => new("q", options, null, true, 0, 0, 1000);

    [Fact]
    public void An_ordering_question_counts_each_item_put_in_its_right_place_not_the_one_placed_first()
    {
        // Key C A B (2, 0, 1). Answers: C A B (all three right), C B A (C right), A B C (none right).
        var q = Samples.Make("d", QuestionType.Ordering, "排序", ["一", "二", "三"], AnswerKey.Choice(2, 0, 1), "科学方法", [], 4);
        Assert.Equal([1, 1, 2], QuestionStats.OptionCounts(q, [Answered(2, 0, 1), Answered(2, 1, 0), Answered(0, 1, 2)]));
    }

    [Fact]
    public void A_choice_question_counts_every_pick()
    {
        var q = Samples.Make("m", QuestionType.Multiple, "多选", ["甲", "乙", "丙", "丁"], AnswerKey.Choice(0, 2), "科学方法", [], 3);
        Assert.Equal([2, 1, 1, 0], QuestionStats.OptionCounts(q, [Answered(0, 2), Answered(0, 1)]));
    }
}
