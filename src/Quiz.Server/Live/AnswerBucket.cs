namespace Quiz.Server.Live;

/// <summary>
/// A token bucket for one connection's answers. Hand-made rather than System.Threading.RateLimiting's, whose token
/// bucket starts a replenishment timer per instance: 18,000 connections would mean 18,000 timers. This one refills
/// lazily, from the clock, when it is asked.
/// </summary>
internal sealed class AnswerBucket(double perSecond, int burst, long nowMs)
{
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _lastMs = nowMs;

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
