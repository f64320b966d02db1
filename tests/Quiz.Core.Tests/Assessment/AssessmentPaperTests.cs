using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Rounds;

namespace Quiz.Core.Tests.Assessment;

public sealed class AssessmentPaperTests
{
    private static OnlineRound Round(double points, params BlueprintRule[] blueprint) => new()
    {
        OpensAt = DateTimeOffset.UnixEpoch, ClosesAt = DateTimeOffset.UnixEpoch.AddHours(1), TimeLimitSeconds = 600, BankId = "b",
        Blueprint = blueprint, Points = points, PaperSalt = "s",
    };

    [Fact]
    public void The_default_paper_and_subcategories_of_the_four_dimensions_pass()
    {
        Assert.Empty(AssessmentPaper.Check(Round(2, [.. AssessmentDefaults.Blueprint])));
        Assert.Empty(AssessmentPaper.Check(Round(4,
            new(5, Category: "科学知识/物理"), new(5, Category: "科学知识/生命"), new(5, Category: "科学方法"), new(5, Category: "科学精神与思想"), new(5, Category: "应用科学的能力"))));
    }

    [Fact]
    public void A_paper_off_the_split_or_with_a_rule_outside_the_dimensions_is_refused_with_the_field()
    {
        var even = AssessmentPaper.Check(Round(2.5,
            new(10, Category: "科学知识"), new(10, Category: "科学方法"), new(10, Category: "科学精神与思想"), new(10, Category: "应用科学的能力")));
        Assert.Equal("blueprint", Assert.Single(even).Field);
        Assert.Contains("科学知识 25", even[0].Message, StringComparison.Ordinal);
        var double200 = AssessmentPaper.Check(Round(4, [.. AssessmentDefaults.Blueprint]));
        Assert.Equal("blueprint", Assert.Single(double200).Field);
        var loose = AssessmentPaper.Check(Round(2, new(40, Category: "科学知识"), new(10), new(10, Category: "科学知识物理")));
        Assert.Equal(["blueprint[1].category", "blueprint[2].category"], loose.Select(e => e.Field));
    }
}
