namespace Quiz.LoadTests;

/// <summary>
/// Wall-clock milliseconds with sub-millisecond precision. Server, workers and conductor share one machine, so the
/// server's timestamps in payloads (serverTimeMs) and ours are on the same clock: a broadcast's latency is
/// arrival minus the server's send stamp.
/// </summary>
internal static class Clock
{
    public static double NowMs => DateTime.UtcNow.Ticks / (double)TimeSpan.TicksPerMillisecond - UnixEpochMs;

    private static readonly double UnixEpochMs = DateTime.UnixEpoch.Ticks / (double)TimeSpan.TicksPerMillisecond;
}
