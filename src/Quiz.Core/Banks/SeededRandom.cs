namespace Quiz.Core.Banks;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by this code, not by the runtime, so a seed stored today
/// draws the same paper after an upgrade (System.Random promises no such thing).
/// </summary>
public sealed class SeededRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, bound), by rejection so no value is favoured.</summary>
    public int Next(int bound)
    {
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);
        return (int)(value % (ulong)bound);
    }

    /// <summary>Fisher-Yates.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
