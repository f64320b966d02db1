using System.Globalization;

namespace Quiz.LoadTests;

/// <summary>
/// The nodes' own answer-acknowledgement histogram (quiz_answer_ack_duration, from arrival to ack),
/// summed over nodes. Two scrapes bracket a phase; their difference says how long the nodes themselves took, so a
/// slow ack seen by a phone can be told apart from time spent in sockets, the kernel or the phone's own process.
/// </summary>
internal sealed record ServerAckHistogram(IReadOnlyDictionary<double, double> CountByBound)
{
    public static async Task<ServerAckHistogram> ScrapeAsync(HttpClient http, IReadOnlyList<Uri> urls)
    {
        var counts = new Dictionary<double, double>();
        foreach (var url in urls)
        {
            var text = await http.GetStringAsync(new Uri(url, "metrics"));
            foreach (var line in text.Split('\n'))
            {
                if (!line.StartsWith("quiz_answer_ack_duration_milliseconds_bucket{", StringComparison.Ordinal))
                {
                    continue;
                }
                var at = line.IndexOf("le=\"", StringComparison.Ordinal) + 4;
                var bound = line[at..line.IndexOf('"', at)] is var le && le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
                counts[bound] = counts.GetValueOrDefault(bound) + double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }
        return new ServerAckHistogram(counts);
    }

    /// <summary>The smallest bucket bound under which the given share of the acks between two scrapes fell ("≤ 25 ms").</summary>
    public static string Quantile(ServerAckHistogram before, ServerAckHistogram after, double share)
    {
        var bounds = after.CountByBound.Keys.Order().ToList();
        var total = after.CountByBound.GetValueOrDefault(double.PositiveInfinity) - before.CountByBound.GetValueOrDefault(double.PositiveInfinity);
        if (total <= 0)
        {
            return "n/a";
        }
        foreach (var bound in bounds)
        {
            if (after.CountByBound[bound] - before.CountByBound.GetValueOrDefault(bound) >= share * total)
            {
                return double.IsPositiveInfinity(bound) ? "> the last bucket" : string.Create(CultureInfo.InvariantCulture, $"≤ {bound} ms");
            }
        }
        return "n/a";
    }
}
