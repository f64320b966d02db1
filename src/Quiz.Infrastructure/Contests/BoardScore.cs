using System.Globalization;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// One sorted-set score that orders by points, then by less total answer time:
/// <c>points × 100 × 10^8 − totalMs</c>. Points keep two decimals; totalMs stays under 10^8 (27 hours); the result
/// stays under 2^53, so doubles add it exactly. Equal scores fall back to Redis' order of members.
/// </summary>
public static class BoardScore
{
    private const long TimeSpan = 100_000_000;

    public static long Increment(double points, long elapsedMs) =>
        ((long)Math.Round(points * 100) * TimeSpan) - Math.Clamp(elapsedMs, 0, TimeSpan - 1);

    public static string IncrementText(double points, long elapsedMs) =>
        Increment(points, elapsedMs).ToString(CultureInfo.InvariantCulture);

    public static (double Points, long TimeMs) Decode(double score)
    {
        var value = (long)score;
        var hundredths = (long)Math.Ceiling((double)value / TimeSpan);
        return (hundredths / 100.0, (hundredths * TimeSpan) - value);
    }
}
