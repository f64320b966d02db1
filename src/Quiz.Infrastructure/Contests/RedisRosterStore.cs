using System.Text.Json;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>Roster people as participants, in one transaction each, conditional on the staff id being new.</summary>
internal sealed class RedisRosterStore(IConnectionMultiplexer redis, RedisKeys keys) : IRosterStore
{
    public async Task<bool> TryAddAsync(string contestId, Participant participant, string staffId, string codeHash, string? protectedPhone, CancellationToken ct)
    {
        var tx = redis.GetDatabase().CreateTransaction();
        tx.AddCondition(Condition.HashNotExists(keys.Roster(contestId), staffId));
        _ = tx.HashSetAsync(keys.Roster(contestId), staffId, participant.Id);
        _ = tx.HashSetAsync(keys.Participants(contestId), participant.Id, JsonSerializer.Serialize(participant, ContestJson.Options));
        _ = tx.HashSetAsync(keys.Tokens(contestId), codeHash, participant.Id);
        _ = tx.SortedSetAddAsync(keys.Board(contestId), participant.Id, 0, SortedSetWhen.NotExists);
        foreach (var (dimension, group) in Groups.Of(participant))
        {
            _ = tx.HashIncrementAsync(keys.GroupSize(contestId, dimension), group);
        }
        if (protectedPhone is not null)
        {
            _ = tx.HashSetAsync(keys.Phones(contestId), participant.Id, protectedPhone);
        }
        return await tx.ExecuteAsync();
    }

    public async Task<IReadOnlyDictionary<string, string>> GetPhonesAsync(string contestId, CancellationToken ct) =>
        (await redis.GetDatabase().HashGetAllAsync(keys.Phones(contestId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());

    public async Task<IReadOnlySet<string>> StaffIdsAsync(string contestId, CancellationToken ct) =>
        (await redis.GetDatabase().HashKeysAsync(keys.Roster(contestId))).Select(k => k.ToString()).ToHashSet();
}
