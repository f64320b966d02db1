using HdrHistogram;

namespace Quiz.LoadTests;

/// <summary>Percentiles from HdrHistogram over values in microseconds, reported in milliseconds.</summary>
internal static class Histograms
{
    public static Summary Summarize(IEnumerable<long> microseconds)
    {
        var histogram = new LongHistogram(TimeStamp.Hours(1), 3);
        var count = 0;
        foreach (var us in microseconds)
        {
            histogram.RecordValue(Math.Clamp(us, 1, histogram.HighestTrackableValue));
            count++;
        }
        if (count == 0)
        {
            return new Summary(0, 0, 0, 0, 0);
        }
        static double Ms(long us) => Math.Round(us / 1000.0, 1);
        return new Summary(count, Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(99)),
            Ms(histogram.GetValueAtPercentile(99.9)), Ms(histogram.GetMaxValue()));
    }
}

public sealed record Summary(int Count, double P50Ms, double P99Ms, double P999Ms, double MaxMs);
