using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisAnswerCountLease(IConnectionMultiplexer redis, RedisKeys keys) : IAnswerCountLease
{
    /// <summary>KEYS: the lease. ARGV: holder, ttl ms. Takes a free lease or renews one's own; 1 if held.</summary>
    private const string Hold = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    public async Task<bool> TryHoldAsync(string contestId, long roomVersion, string holder, TimeSpan ttl, CancellationToken ct) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(Hold, [keys.AnswerCounter(contestId, roomVersion)],
            [holder, (long)ttl.TotalMilliseconds]) == 1;
}
