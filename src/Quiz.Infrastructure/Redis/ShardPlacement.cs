namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Where a sharded contest's slots fall. A shard's hash tag is a function of the contest id (see <see cref="RedisKeys"/>),
/// so the id decides which masters hold the shards: left to chance, three shards landed on two of three masters in the
/// first measurement. A sharded contest therefore gets an id whose tags fall in distinct N-ths of the slot space: a
/// cluster made by <c>redis-cli --cluster create</c> gives each master one contiguous, equal range, so the shards spread
/// over the masters as evenly as N allows (3 shards on 3 masters: one each). The key layout is unchanged, so contests
/// stored before keep their keys.
/// </summary>
public static class ShardPlacement
{
    public const int Slots = 16384;

    /// <summary>Ids drawn at most; from 8 shards on, every stripe distinct is rare, and the best draw is kept.</summary>
    private const int MaxDraws = 4096;

    public static string NewContestId(int shards, Func<string> draw)
    {
        var best = draw();
        if (shards <= 1)
        {
            return best;
        }
        var bestSpread = Spread(best, shards);
        for (var i = 1; i < MaxDraws && bestSpread < shards; i++)
        {
            var id = draw();
            if (Spread(id, shards) is var spread && spread > bestSpread)
            {
                (best, bestSpread) = (id, spread);
            }
        }
        return best;
    }

    /// <summary>How many distinct N-ths of the slot space the contest's N shard tags fall in.</summary>
    public static int Spread(string contestId, int shards)
    {
        Span<bool> hit = stackalloc bool[shards];
        var distinct = 0;
        for (var k = 0; k < shards; k++)
        {
            var stripe = StripeOf(SlotOfTag(TagOf(contestId, k)), shards);
            if (!hit[stripe])
            {
                hit[stripe] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /// <summary>
    /// Which of N ranges a slot is in, cut as <c>redis-cli --cluster create</c> cuts the slots among N masters (the last
    /// slot of range i is round((i + 1) * 16384 / N - 1)), so that the ranges for 6 shards nest exactly in those of 3 masters.
    /// </summary>
    public static int StripeOf(int slot, int stripes)
    {
        var width = (double)Slots / stripes;
        for (var i = 0; i < stripes - 1; i++)
        {
            if (slot <= Math.Round(((i + 1) * width) - 1, MidpointRounding.AwayFromZero))
            {
                return i;
            }
        }
        return stripes - 1;
    }

    /// <summary>The text inside the braces of shard <paramref name="shard"/>'s keys (the same rule as <see cref="RedisKeys"/>).</summary>
    public static string TagOf(string contestId, int shard) => shard == 0 ? $"c:{contestId}" : $"c:{contestId}:{shard}";

    /// <summary>Redis Cluster's slot of a hash tag: CRC16 (XMODEM) of its bytes, modulo 16384.</summary>
    public static int SlotOfTag(string tag)
    {
        ushort crc = 0;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(tag))
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc % Slots;
    }
}
