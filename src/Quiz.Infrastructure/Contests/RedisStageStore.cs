using System.Text.Json;
using Quiz.Core.Stage;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisStageStore(IConnectionMultiplexer redis, RedisKeys keys) : IStageStore
{
    // Compare-and-set on the stage's version, then log the change: one atomic step, as for the room.
    private const string SaveScript = """
        local v = redis.call('HGET', KEYS[1], 'version') or '0'
        if v ~= ARGV[1] then return 0 end
        redis.call('HSET', KEYS[1], 'version', ARGV[2], 'state', ARGV[3])
        redis.call('RPUSH', KEYS[2], ARGV[4])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    public async Task<StageState?> GetAsync(string contestId, CancellationToken cancellationToken)
    {
        var json = await Db.HashGetAsync(keys.Stage(contestId), "state");
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<StageState>(json.ToString(), ContestJson.Options);
    }

    public async Task<bool> TrySaveAsync(string contestId, StageState state, long expectedVersion, string logEntry, CancellationToken cancellationToken)
    {
        var result = await Db.ScriptEvaluateAsync(SaveScript, [keys.Stage(contestId), keys.Log(contestId)],
            [expectedVersion, state.Version, JsonSerializer.Serialize(state, ContestJson.Options), logEntry]);
        return (int)result == 1;
    }
}
