using System.Globalization;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// One sorted-set score that orders by points, then by less total answer time:
/// <c>hundredths × 10^8 − totalMs</c>. totalMs is the sum of clamped answer times and stays under 10^8 (27 hours);
/// |hundredths| stays under 9 × 10^7 (900,000 points, checked when a contest is created), so the score stays
/// under 2^53 and doubles add it exactly. A higher score is strictly ahead; equal scores are level.
/// </summary>
public static class BoardScore
{
    private const long TimeSpan = 100_000_000;

    public static long Increment(long hundredths, long elapsedMs) => (hundredths * TimeSpan) - Math.Clamp(elapsedMs, 0, TimeSpan - 1);

    public static string IncrementText(long hundredths, long elapsedMs) => Increment(hundredths, elapsedMs).ToString(CultureInfo.InvariantCulture);

    public static (long Hundredths, long TimeMs) Decode(double score)
    {
        var value = (long)score;
        var hundredths = -FloorDiv(-value, TimeSpan); // the ceiling, in integers: value = hundredths × 10^8 − time, 0 ≤ time < 10^8
        return (hundredths, (hundredths * TimeSpan) - value);
    }

    private static long FloorDiv(long a, long b) => (a / b) - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
