using Quiz.Core.Assessment;

namespace Quiz.Core.Tests.Assessment;

/// <summary>The interval, the effective sample size and the verdict against values worked out by hand.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Wilson_interval_of_30_in_100_matches_the_hand_computed_bounds()
    {
        // z² = 3.841459; centre = (0.3 + 3.841459/200) / (1 + 3.841459/100) = 0.319207 / 1.038415 = 0.307399;
        // half = 1.959964 / 1.038415 · √(0.3·0.7/100 + 3.841459/40000) = 1.887456 · 0.046862 = 0.088450.
        var i = ShareInterval.Wilson(30, 100);
        Assert.Equal(0.3, i.Share, 12);
        Assert.Equal(0.218949, i.Low, 5);
        Assert.Equal(0.395849, i.High, 5);
        Assert.Equal(100, i.N);
    }

    [Fact]
    public void Wilson_interval_is_not_zero_width_at_none_or_all()
    {
        // x = 0: the interval is [0, z²/(n + z²)] = [0, 3.841459/13.841459] = [0, 0.277533].
        var none = ShareInterval.Wilson(0, 10);
        Assert.Equal((0.0, 0.277533), (none.Low, Math.Round(none.High, 6)));
        var all = ShareInterval.Wilson(10, 10);
        Assert.Equal((0.722467, 1.0), (Math.Round(all.Low, 6), Math.Round(all.High, 6)));
    }

    [Fact]
    public void Wilson_interval_refuses_an_empty_sample()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShareInterval.Wilson(0, 0));
    }

    [Fact]
    public void Kish_effective_sample_size_of_hand_picked_weights()
    {
        // (1 + 1 + 2 + 2)² / (1 + 1 + 4 + 4) = 36 / 10 = 3.6; equal weights are worth their count.
        Assert.Equal(3.6, SampleRules.KishEffectiveN([1, 1, 2, 2]), 12);
        Assert.Equal(250, SampleRules.KishEffectiveN(Enumerable.Repeat(7.5, 250)), 9);
        Assert.Equal(0, SampleRules.KishEffectiveN([]));
    }

    [Fact]
    public void Weighted_share_takes_its_interval_on_the_effective_sample_size()
    {
        // Weights 6, 6, 9, 9, 28, 42 (the raking test's), at the line: the 6s and the 28.
        // p = 40/100 = 0.4; n_eff = 100² / (36+36+81+81+784+1764) = 10000/2782 = 3.594536.
        double[] weights = [6, 6, 9, 9, 28, 42];
        var nEff = SampleRules.KishEffectiveN(weights);
        Assert.Equal(3.594536, nEff, 6);
        var i = ShareInterval.Wilson(40.0 / 100, nEff);
        Assert.Equal(0.095776, i.Low, 5);
        Assert.Equal(0.807545, i.High, 5);
    }

    [Theory]
    [InlineData(0.23, 0.27, 0.22, Verdict.Above)]
    [InlineData(0.18, 0.21, 0.22, Verdict.Below)]
    [InlineData(0.20, 0.24, 0.22, Verdict.CannotTell)]
    [InlineData(0.22, 0.26, 0.22, Verdict.CannotTell)] // touching the target does not exclude it
    [InlineData(0.16, 0.18, 0.18, Verdict.CannotTell)]
    public void Verdict_is_above_or_below_only_when_the_interval_excludes_the_target(double low, double high, double target, string expected)
    {
        Assert.Equal(expected, Verdict.Of(new ShareInterval((low + high) / 2, low, high, 500), target));
    }

    [Fact]
    public void Verdict_reads_in_Chinese()
    {
        Assert.Equal(["高于目标", "低于目标", "无法判断"], new[] { Verdict.Above, Verdict.Below, Verdict.CannotTell }.Select(Verdict.Chinese));
    }

    [Theory]
    [InlineData(99.99, true, false)]
    [InlineData(100, false, true)]
    [InlineData(399.9, false, true)]
    [InlineData(400, false, false)]
    [InlineData(0, true, false)]
    public void Under_100_effective_respondents_is_suppressed_under_400_flagged(double effectiveN, bool suppressed, bool flagged)
    {
        Assert.Equal((suppressed, flagged), (SampleRules.Suppressed(effectiveN), SampleRules.Flagged(effectiveN)));
    }
}
