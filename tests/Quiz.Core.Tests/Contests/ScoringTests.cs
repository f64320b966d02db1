using CsCheck;
using Quiz.Core.Banks;
using Quiz.Core.Contests;

namespace Quiz.Core.Tests.Contests;

public sealed class ScoringTests
{
    private static readonly Gen<RoundRules> Rules =
        Gen.Select(Gen.Int[3, 120], Gen.Int[0, 1000], Gen.Bool, Gen.Int[0, 50], Gen.Int[0, 10], Gen.Int[0, 100])
            .Select((limit, points, speed, bonus, cap, penalty) => new RoundRules
            {
                TimeLimitSeconds = limit, Points = points, SpeedWeighted = speed, StreakBonus = bonus, StreakCap = cap, WrongPenalty = penalty,
            });

    [Fact]
    public void A_right_answer_earns_between_half_and_all_of_its_points_plus_a_capped_bonus() =>
        Gen.Select(Rules, Gen.Long[-1000, 200_000], Gen.Int[0, 30]).Sample((rules, elapsed, streak) =>
        {
            var score = Scoring.Score(rules, Grade.Right, elapsed, streak);
            var bonus = rules.StreakBonus * Math.Min(streak, rules.StreakCap);
            return score.Correct && score.Streak == streak + 1
                && score.Points >= (rules.Points * 0.5) + bonus - 0.01 && score.Points <= rules.Points + bonus + 0.01;
        });

    [Fact]
    public void Faster_is_never_worth_less() =>
        Gen.Select(Rules, Gen.Long[0, 120_000], Gen.Long[0, 120_000]).Sample((rules, a, b) =>
            Scoring.Score(rules, Grade.Right, Math.Min(a, b), 0).Points >= Scoring.Score(rules, Grade.Right, Math.Max(a, b), 0).Points);

    [Fact]
    public void A_wrong_answer_costs_exactly_the_penalty_and_ends_the_streak() =>
        Gen.Select(Rules, Gen.Long[0, 120_000], Gen.Int[0, 30]).Sample((rules, elapsed, streak) =>
        {
            var score = Scoring.Score(rules, Grade.Wrong, elapsed, streak);
            return score.Points == -rules.WrongPenalty && score.Streak == 0 && !score.Correct;
        });

    [Fact]
    public void Partial_credit_scales_the_points_and_earns_no_streak() =>
        Gen.Select(Rules, Gen.Int[1, 8], Gen.Int[2, 8]).Where((_, k, n) => k < n).Sample((rules, k, n) =>
        {
            var score = Scoring.Score(rules with { SpeedWeighted = false }, new Grade(k, n), 0, 3);
            return score.Hundredths == (long)Math.Round(100m * rules.Points * k / n, MidpointRounding.AwayFromZero) && score.Streak == 0;
        });

    [Theory]
    [InlineData(5670, 8583)] // 85.825 exactly: half away from zero (binary doubles made it 85.82)
    [InlineData(5669, 8583)]
    [InlineData(5671, 8582)]
    [InlineData(19_999, 5000)] // 50.0025 rounds down
    public void Points_round_to_hundredths_half_away_from_zero_computed_exactly(long elapsed, long hundredths) =>
        Assert.Equal(hundredths, Scoring.Score(new RoundRules { TimeLimitSeconds = 20, Points = 100, SpeedWeighted = true }, Grade.Right, elapsed, 0).Hundredths);

    [Fact]
    public void A_third_of_the_points_rounds_the_same_way_in_every_place() =>
        Assert.Equal(3333, Scoring.Score(new RoundRules { Points = 100, PartialCredit = PartialCredit.Proportional }, new Grade(1, 3), 0, 0).Hundredths);

    [Fact]
    public void The_time_that_counts_is_clamped_to_the_limit()
    {
        var rules = new RoundRules { TimeLimitSeconds = 12, Points = 100, SpeedWeighted = true };
        var inGrace = Scoring.Score(rules, Grade.Right, Scoring.ElapsedMs(rules, receivedAtMs: 12_203 + 1000, opensAtMs: 1000), 0);
        Assert.Equal((12_000L, 5000L), (inGrace.ElapsedMs, inGrace.Hundredths));
        Assert.Equal(0, Scoring.ElapsedMs(rules, receivedAtMs: 900, opensAtMs: 1000));
    }

    [Theory]
    [InlineData(0, 100.0)]
    [InlineData(10_000, 75.0)]
    [InlineData(20_000, 50.0)]
    [InlineData(30_000, 50.0)]
    public void Speed_weighting_follows_the_documented_formula(long elapsed, double points) =>
        Assert.Equal(points, Scoring.Score(new RoundRules { TimeLimitSeconds = 20, Points = 100, SpeedWeighted = true }, Grade.Right, elapsed, 0).Points);

    [Fact]
    public void Streak_bonus_counts_from_the_second_right_answer_and_stops_at_the_cap()
    {
        var rules = new RoundRules { Points = 100, StreakBonus = 10, StreakCap = 2 };
        Assert.Equal([100, 110, 120, 120], Enumerable.Range(0, 4).Select(s => Scoring.Score(rules, Grade.Right, 0, s).Points));
    }

    [Fact]
    public void Only_an_unbroken_run_builds_a_streak()
    {
        Assert.Equal(3, new Progress(3, 4).StreakBefore(5));
        Assert.Equal(0, new Progress(3, 3).StreakBefore(5));
        Assert.Equal(0, Progress.None.StreakBefore(0));
    }
}
