using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

public sealed class TierTests
{
    [Theory]
    [InlineData(100, "高阶")]
    [InlineData(85, "高阶")]
    [InlineData(84.99, "具备")]
    [InlineData(70, "具备")]
    [InlineData(69.99, "基本具备")]
    [InlineData(55, "基本具备")]
    [InlineData(54.99, "较低")]
    [InlineData(0, "较低")]
    public void Cut_points_belong_to_the_higher_tier(double score, string tier)
    {
        Assert.Equal(tier, LiteracyTiers.Of(score));
        Assert.Equal(score >= 70, LiteracyTiers.AtLine(score));
    }

    [Theory]
    [InlineData(85, 100, 85)]
    [InlineData(17, 20, 85)] // 17/20·100 in floating point is 85.00000000000001 before rounding
    [InlineData(59.5, 85, 70)]
    [InlineData(2, 3, 66.67)]
    [InlineData(120, 100, 100)] // never above the paper's maximum
    [InlineData(5, 0, 0)]
    public void Scores_scale_to_100_points_kept_to_a_hundredth(double score, double max, double expected)
    {
        Assert.Equal(expected, LiteracyTiers.Scale(score, max));
    }

    [Fact]
    public void A_scaled_85_is_advanced_not_literate()
    {
        Assert.Equal(LiteracyTiers.Advanced, LiteracyTiers.Of(LiteracyTiers.Scale(17, 20)));
    }
}
