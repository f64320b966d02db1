namespace Quiz.Server.Live;

/// <summary>
/// A token bucket for one connection's answers (and for one client address's joins, see <see cref="JoinGate"/>). Hand-made rather than System.Threading.RateLimiting's, whose token
/// bucket starts a replenishment timer per instance: 18,000 connections would mean 18,000 timers. This one refills
/// lazily, from the clock, when it is asked.
/// </summary>
internal sealed class AnswerBucket(double perSecond, int burst, long nowMs)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _lastMs = nowMs;

    /// <summary>Whether the bucket has refilled completely: it is idle, and forgetting it changes nothing.</summary>
    public bool IsFull(long nowMs)
    {
        lock (_lock)
        {
            return _tokens + ((nowMs - _lastMs) * perSecond / 1000.0) >= burst;
        }
    }

    public bool TryTake(long nowMs)
    {
        lock (_lock)
        {
            _tokens = Math.Min(burst, _tokens + ((nowMs - _lastMs) * perSecond / 1000.0));
            _lastMs = nowMs;
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }
}
