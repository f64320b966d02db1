using System.Globalization;
using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>
/// Margins no weights can meet, found before raking so a district says why instead of showing a figure raking could
/// not honestly produce. Two kinds are found exactly: a code with people but no respondent (no weight can stand in for
/// a group nobody answered for), and a pair of dimensions whose respondents' combinations cannot carry both margins.
/// For one pair that is a transportation problem, feasible exactly when every set X of codes of the first dimension
/// holds no more people than the codes of the second that X's respondents reach (Gale's supply-demand theorem); with
/// at most 5 codes a dimension all 31 sets are tried. What only all three dimensions together rule out shows up as
/// raking that does not converge (<see cref="AssessmentReasons.NotConverged"/>).
/// </summary>
internal static class MarginFeasibility
{
    /// <summary>Slack on the comparison, so rounding in the scaled targets is not taken for a fault.</summary>
    private const double Slack = 1e-9;

    public static Reason? Check(RakingFrame frame)
    {
        return Uncovered(frame) ?? Pairs(frame);
    }

    private static Reason? Uncovered(RakingFrame frame)
    {
        var empty = new List<(int K, int C, double Share)>();
        for (var k = 0; k < frame.Dimensions.Count; k++)
        {
            var present = Present(frame, k);
            for (var c = 0; c < present.Length; c++)
            {
                if (frame.Targets[k][c] > 0 && !present[c])
                {
                    empty.Add((k, c, frame.Share(k, c)));
                }
            }
        }
        if (empty.Count == 0)
        {
            return null;
        }
        var largest = empty.MaxBy(e => e.Share);
        return AssessmentReasons.Uncovered.With(("dimension", frame.Dimensions[largest.K]), ("code", frame.CodeAt(largest.K, largest.C)),
            ("share", Percent(largest.Share)), ("count", empty.Count));
    }

    private static Reason? Pairs(RakingFrame frame)
    {
        for (var a = 0; a < frame.Dimensions.Count; a++)
        {
            for (var b = a + 1; b < frame.Dimensions.Count; b++)
            {
                foreach (var (first, second) in new[] { (a, b), (b, a) })
                {
                    if (Violation(frame, first, second) is { } reason)
                    {
                        return reason;
                    }
                }
            }
        }
        return null;
    }

    /// <summary>The set of codes of <paramref name="first"/> that needs the most more room than its respondents reach in <paramref name="second"/>.</summary>
    private static Reason? Violation(RakingFrame frame, int first, int second)
    {
        var codes = frame.Targets[first].Length;
        // reach[c]: the codes of the second dimension that respondents in code c of the first have, as a bit mask.
        var reach = new int[codes];
        for (var g = 0; g < frame.Groups; g++)
        {
            if (frame.Eligible[g])
            {
                reach[frame.Cells[first][g]] |= 1 << frame.Cells[second][g];
            }
        }
        var worst = (Mask: 0, Linked: 0, Need: 0.0, Room: 0.0);
        for (var mask = 1; mask < 1 << codes; mask++)
        {
            double need = 0;
            var linked = 0;
            for (var c = 0; c < codes; c++)
            {
                if ((mask & (1 << c)) != 0)
                {
                    need += frame.Targets[first][c];
                    linked |= reach[c];
                }
            }
            double room = 0;
            for (var d = 0; d < frame.Targets[second].Length; d++)
            {
                if ((linked & (1 << d)) != 0)
                {
                    room += frame.Targets[second][d];
                }
            }
            if (need > room * (1 + Slack) && need - room > worst.Need - worst.Room)
            {
                worst = (mask, linked, need, room);
            }
        }
        if (worst.Mask == 0)
        {
            return null;
        }
        return AssessmentReasons.Infeasible.With(("dimension", frame.Dimensions[first]), ("codes", Names(frame, first, worst.Mask)),
            ("share", Percent(worst.Need / frame.Population * 100)), ("other", frame.Dimensions[second]),
            ("linked", Names(frame, second, worst.Linked)), ("room", Percent(worst.Room / frame.Population * 100)));
    }

    private static bool[] Present(RakingFrame frame, int k)
    {
        var present = new bool[frame.Targets[k].Length];
        for (var g = 0; g < frame.Groups; g++)
        {
            if (frame.Eligible[g])
            {
                present[frame.Cells[k][g]] = true;
            }
        }
        return present;
    }

    private static string Names(RakingFrame frame, int k, int mask) =>
        string.Join(", ", Enumerable.Range(0, frame.Targets[k].Length).Where(c => (mask & (1 << c)) != 0).Select(c => frame.CodeAt(k, c)));

    internal static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
