using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>Per contest and kind, a set of declared names (its roster's) and a capped set of admitted free text.</summary>
internal sealed class RedisGroupRegistry(IConnectionMultiplexer redis, RedisKeys keys) : IGroupRegistry
{
    /// <summary>
    /// KEYS: declared set, free set, per name. ARGV: cap, then name and free (1/0) per name. Returns one outcome per
    /// name (1 known, 2 admitted, 0 not listed, -1 full); new names are added only when none is 0 or -1.
    /// </summary>
    private const string Admit = """
        local cap = tonumber(ARGV[1])
        local outcomes = {}
        local refused = false
        for i = 1, #KEYS / 2 do
          local name = ARGV[2 * i]
          if redis.call('SISMEMBER', KEYS[2 * i - 1], name) == 1 or redis.call('SISMEMBER', KEYS[2 * i], name) == 1 then
            outcomes[i] = 1
          elseif ARGV[2 * i + 1] ~= '1' then
            outcomes[i] = 0
            refused = true
          elseif redis.call('SCARD', KEYS[2 * i]) >= cap then
            outcomes[i] = -1
            refused = true
          else
            outcomes[i] = 2
          end
        end
        if not refused then
          for i = 1, #KEYS / 2 do
            if outcomes[i] == 2 then redis.call('SADD', KEYS[2 * i], ARGV[2 * i]) end
          end
        end
        return outcomes
        """;

    public async Task DeclareAsync(string contestId, GroupKind kind, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count > 0)
        {
            await redis.GetDatabase().SetAddAsync(keys.GroupsDeclared(contestId, GroupDimensions.Of(kind)), [.. names.Select(n => (RedisValue)n)]);
        }
    }

    public async Task<IReadOnlyList<string>> DeclaredAsync(string contestId, GroupKind kind, CancellationToken cancellationToken) =>
        [.. (await redis.GetDatabase().SetMembersAsync(keys.GroupsDeclared(contestId, GroupDimensions.Of(kind)))).Select(v => v.ToString()).Order(StringComparer.Ordinal)];

    public async Task<IReadOnlyList<GroupOutcome>> AdmitAsync(string contestId, IReadOnlyList<(GroupKind Kind, string Name, bool Free)> names, int cap,
        CancellationToken cancellationToken)
    {
        var keyList = names.SelectMany(n => new RedisKey[] { keys.GroupsDeclared(contestId, GroupDimensions.Of(n.Kind)), keys.GroupsFree(contestId, GroupDimensions.Of(n.Kind)) });
        var args = names.SelectMany(n => new RedisValue[] { n.Name, n.Free ? 1 : 0 }).Prepend(cap);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Admit, [.. keyList], [.. args]))!;
        return [.. result.Select(r => (long)r switch
        {
            1 => GroupOutcome.Known,
            2 => GroupOutcome.Admitted,
            0 => GroupOutcome.NotListed,
            _ => GroupOutcome.Full,
        })];
    }
}
