using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>
/// Admission control: at most Quiz:Live:MaxJoinsPerSecond joins and rejoins per second on this node. A crowd that
/// scans the QR code at once, or reconnects after a node restart, is told "busy" and retries (the pages back off)
/// instead of queuing up Redis round trips until everyone times out.
/// </summary>
public sealed class JoinGate(LiveOptions options, TimeProvider clock)
{
    private long _second;
    private int _count;

    public bool TryEnter()
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Interlocked.Exchange(ref _second, second) != second)
        {
            Interlocked.Exchange(ref _count, 0); // a new second; a few joins racing the reset may be counted twice, which is harmless
        }
        return Interlocked.Increment(ref _count) <= options.MaxJoinsPerSecond;
    }
}
