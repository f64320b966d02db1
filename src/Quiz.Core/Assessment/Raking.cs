using System.Globalization;
using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>
/// How one district's weights came out. <see cref="Problem"/> set: the margins cannot be met (or were not within the
/// sweep cap), and the district shows that instead of a share. Otherwise the weights meet every margin to
/// <see cref="Raking.Tolerance"/>; <see cref="Note"/> says when the trimming cap could not be held.
/// </summary>
public sealed record Weighting(
    double[] Weights,
    Reason? Problem,
    int Sweeps,
    double WorstError,
    double TrimCap,
    int Trimmed,
    double EffectiveNUntrimmed,
    Reason? Note);

/// <summary>
/// Raking (iterative proportional fitting): weights that make the respondents' age, sex and education (and, where the
/// margins give it, residence) match the population's, one dimension at a time, sweep after sweep, until every
/// margin holds to <see cref="Tolerance"/> relative, or <see cref="MaxSweeps"/> sweeps have run (then the district
/// has no weighted figure: <see cref="AssessmentReasons.NotConverged"/>). Chosen over cell weighting
/// (post-stratification) because organizers have one-way margins from the census, and a full age x sex x education
/// table of 40 cells would leave most cells of a district's few hundred volunteers empty. Margins no weights can meet
/// are caught first (<see cref="MarginFeasibility"/>). Respondents in a code of 0 people get weight 0. Weights sum to
/// the district's population (the sex total), so districts add up to the city.
/// <para>
/// Trimming: a weight above <see cref="TrimFactor"/> times the district's mean weight is cut to that cap and the
/// district raked again, alternately (cut, then one sweep), until every margin holds to the tolerance and no weight
/// exceeds the cap by more than the tolerance. A few respondents standing for very many people make the figure
/// unstable; the cap trades a little bias for a larger effective n, and the report shows n_eff before and after.
/// When the margins cannot be met under the cap, the untrimmed weights are used and the district says so.
/// </para>
/// </summary>
public static class Raking
{
    public const int MaxSweeps = 1000;
    public const double Tolerance = 1e-9;
    public const double TrimFactor = 5;

    /// <summary>The weights of <paramref name="respondents"/> (each weightable for the margins' dimensions), in order.</summary>
    public static Weighting Weigh(IReadOnlyList<RespondentProfile> respondents, DistrictMargins margins)
    {
        var frame = new RakingFrame(respondents, margins);
        var none = new double[respondents.Count];
        if (frame.EligibleCount == 0)
        {
            return new Weighting(none, null, 0, 0, 0, 0, 0, null);
        }
        if (MarginFeasibility.Check(frame) is { } infeasible)
        {
            return new Weighting(none, infeasible, 0, 0, 0, 0, 0, null);
        }
        // One weight per group (per respondent in it), starting equal.
        var weights = new double[frame.Groups];
        for (var g = 0; g < weights.Length; g++)
        {
            weights[g] = frame.Eligible[g] ? frame.Population / frame.EligibleCount : 0;
        }
        var raked = Rake(frame, weights, double.PositiveInfinity);
        if (raked.Error.Error >= Tolerance)
        {
            return new Weighting(none, NotConverged(frame, raked), raked.Sweeps, raked.Error.Error, 0, 0, 0, null);
        }
        var untrimmed = frame.PerRespondent(weights);
        var untrimmedN = SampleRules.KishEffectiveN(untrimmed);
        var cap = TrimFactor * frame.Population / frame.EligibleCount;
        if (weights.Max() <= cap * (1 + Tolerance))
        {
            return new Weighting(untrimmed, null, raked.Sweeps, raked.Error.Error, cap, 0, untrimmedN, null);
        }
        var trimmed = (double[])weights.Clone();
        var capped = Rake(frame, trimmed, cap);
        if (capped.Error.Error >= Tolerance)
        {
            var note = AssessmentReasons.CapNotHeld.With(("cap", TrimFactor), ("neff", untrimmedN.ToString("0.0", CultureInfo.InvariantCulture)));
            return new Weighting(untrimmed, null, raked.Sweeps, raked.Error.Error, cap, 0, untrimmedN, note);
        }
        var final = frame.PerRespondent(trimmed);
        var atCap = final.Count(w => w >= cap * (1 - 1e-6));
        return new Weighting(final, null, raked.Sweeps + capped.Sweeps, capped.Error.Error, cap, atCap, untrimmedN, null);
    }

    /// <summary>Where raking stood when it stopped: the largest relative miss of any margin (or of the cap), and where.</summary>
    private readonly record struct Miss(double Error, int Dimension, int Code);

    private readonly record struct Outcome(int Sweeps, Miss Error);

    /// <summary>
    /// Sweeps in place (one weight per group) until every margin holds (and, with a finite cap, no weight is above it)
    /// or the sweep cap.
    /// </summary>
    private static Outcome Rake(RakingFrame frame, double[] weights, double cap)
    {
        var miss = new Miss(double.PositiveInfinity, 0, 0);
        for (var sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            if (double.IsFinite(cap))
            {
                for (var g = 0; g < weights.Length; g++)
                {
                    weights[g] = Math.Min(weights[g], cap);
                }
            }
            for (var k = 0; k < frame.Dimensions.Count; k++)
            {
                var sums = frame.Sums(k, weights);
                for (var g = 0; g < weights.Length; g++)
                {
                    if (weights[g] > 0)
                    {
                        weights[g] *= frame.Targets[k][frame.Cells[k][g]] / sums[frame.Cells[k][g]];
                    }
                }
            }
            miss = Worst(frame, weights, cap);
            if (miss.Error < Tolerance)
            {
                return new Outcome(sweep, miss);
            }
        }
        return new Outcome(MaxSweeps, miss);
    }

    private static Miss Worst(RakingFrame frame, double[] weights, double cap)
    {
        var worst = new Miss(0, 0, 0);
        for (var k = 0; k < frame.Dimensions.Count; k++)
        {
            var sums = frame.Sums(k, weights);
            for (var c = 0; c < sums.Length; c++)
            {
                if (frame.Targets[k][c] > 0 && Math.Abs(sums[c] / frame.Targets[k][c] - 1) is var error && error > worst.Error)
                {
                    worst = new Miss(error, k, c);
                }
            }
        }
        if (double.IsFinite(cap))
        {
            var over = weights.Max() / cap - 1;
            if (over > worst.Error)
            {
                worst = worst with { Error = over };
            }
        }
        return worst;
    }

    private static Reason NotConverged(RakingFrame frame, Outcome outcome) => AssessmentReasons.NotConverged.With(
        ("sweeps", outcome.Sweeps), ("error", (outcome.Error.Error * 100).ToString("0.###", CultureInfo.InvariantCulture)),
        ("dimension", frame.Dimensions[outcome.Error.Dimension]), ("code", frame.CodeAt(outcome.Error.Dimension, outcome.Error.Code)));
}
