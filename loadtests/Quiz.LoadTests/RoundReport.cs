using System.Globalization;
using System.Text;

namespace Quiz.LoadTests;

/// <summary>The figures of one online-round run, as JSON and as a markdown table for docs/performance.md.</summary>
internal sealed class RoundReport
{
    public int Participants { get; init; }
    public int RampSeconds { get; init; }
    public int Paper { get; init; }
    public int LimitSeconds { get; init; }
    public int ThinkMs { get; init; }
    public int Nodes { get; init; }
    public int Connections { get; init; }
    public string Machine { get; init; } = "";
    public required Summary Start { get; init; }
    public required Summary Save { get; init; }
    public required Summary Submit { get; init; }
    public int Started { get; init; }
    public int Abandoned { get; init; }
    public required SortedDictionary<string, int> Errors { get; init; }
    public long PapersStored { get; init; }
    public int Submitted { get; init; }
    public int SubmittedByPerson { get; init; }
    public int SubmittedAtDeadline { get; init; }
    public double Seconds { get; init; }
    public double RedisCpuSeconds { get; init; }
    public double? AllEndedSecondsAfterClose { get; init; }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Online round: {Participants} participants starting within {RampSeconds} s, paper {Paper}, limit {LimitSeconds} s, think {ThinkMs} ms, {Nodes} node(s), {Connections} client connections per node");
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine}");
        md.AppendLine();
        md.AppendLine("| request | count | p50 ms | p99 ms | p99.9 ms | max ms |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, s) in new[] { ("start", Start), ("answer save", Save), ("submit", Submit) })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {s.Count} | {s.P50Ms} | {s.P99Ms} | {s.P999Ms} | {s.MaxMs} |");
        }
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Started {Started}, papers stored {PapersStored}, ended {Submitted} ({SubmittedByPerson} by the person, {SubmittedAtDeadline} at the deadline; {Abandoned} walked away)");
        md.AppendLine(CultureInfo.InvariantCulture, $"Errors: {(Errors.Count == 0 ? "none" : string.Join(", ", Errors.Select(e => $"{e.Key}: {e.Value}")))}");
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {Seconds} s until the last person was done; Redis CPU {RedisCpuSeconds} s");
        if (AllEndedSecondsAfterClose is { } after)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Every attempt ended {after} s after the window closed (results polled every 2 s)");
        }
        return md.ToString();
    }
}
