namespace Quiz.Infrastructure.Rounds;

/// <summary>The check-and-write steps of an attempt, each one atomic in Redis.</summary>
internal static class AttemptScripts
{
    /// <summary>KEYS: attempts, due. ARGV: participant, attempt JSON, deadline. Creates the attempt only if none exists; returns the stored one.</summary>
    public const string Start = """
        local existing = redis.call('HGET', KEYS[1], ARGV[1])
        if existing then return existing end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
        return ARGV[2]
        """;

    /// <summary>
    /// KEYS: results, due, answers. ARGV: participant, index, receivedAt, response JSON. -1 ended, -2 no open attempt,
    /// -3 after the deadline; else the new save counter. The first save time of an item is kept for its timing.
    /// </summary>
    public const string Save = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return -1 end
        local deadline = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if not deadline then return -2 end
        if tonumber(ARGV[3]) > tonumber(deadline) then return -3 end
        redis.call('HSETNX', KEYS[3], 't' .. ARGV[2], ARGV[3])
        redis.call('HSET', KEYS[3], 'a' .. ARGV[2], ARGV[4])
        return redis.call('HINCRBY', KEYS[3], 'v', 1)
        """;

    /// <summary>
    /// KEYS: results, due, answers, ranks, unannounced. ARGV: participant, result JSON, answers version scored, rank
    /// value, claim time. 0: ended already; -1: an answer was saved since it was scored (score again); 1: this call
    /// ended it, and the end waits in "unannounced" until its notice is out.
    /// </summary>
    public const string Finish = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
        local v = redis.call('HGET', KEYS[3], 'v') or '0'
        if v ~= ARGV[3] then return -1 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
        redis.call('ZADD', KEYS[5], ARGV[5], ARGV[1])
        return 1
        """;

    /// <summary>
    /// KEYS: unannounced. ARGV: participant, before, now. 1 if the end was still unannounced since before ARGV[2]; it is
    /// then stamped now, so other nodes leave it alone for a while (and take it again if this one dies too).
    /// </summary>
    public const string ClaimAnnouncement = """
        local since = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not since or tonumber(since) > tonumber(ARGV[2]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        return 1
        """;
}
