using System.Text.Json;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>Roster people as participants, in one transaction each, conditional on the staff id being new.</summary>
internal sealed class RedisRosterStore(IConnectionMultiplexer redis, RedisKeys keys, ShardMap shards) : IRosterStore
{
    public async Task<bool> TryAddAsync(string contestId, Participant participant, string staffId, string codeHash, string? protectedPhone, CancellationToken ct)
    {
        var shard = await shards.OfAsync(contestId, participant.Id, ct);
        var tx = redis.GetDatabase().CreateTransaction();
        tx.AddCondition(Condition.HashNotExists(keys.Roster(contestId), staffId));
        _ = tx.HashSetAsync(keys.Roster(contestId), staffId, participant.Id);
        _ = tx.HashSetAsync(keys.Participants(contestId), participant.Id, JsonSerializer.Serialize(participant, ContestJson.Options));
        _ = tx.HashSetAsync(keys.Tokens(contestId), codeHash, participant.Id);
        if (shard == 0)
        {
            _ = tx.SortedSetAddAsync(keys.Board(contestId), participant.Id, 0, SortedSetWhen.NotExists);
        }
        foreach (var (dimension, group) in GroupDimensions.Of(participant))
        {
            _ = tx.HashIncrementAsync(keys.GroupSize(contestId, dimension), group);
        }
        if (protectedPhone is not null)
        {
            _ = tx.HashSetAsync(keys.Phones(contestId), participant.Id, protectedPhone);
        }
        var added = await tx.ExecuteAsync();
        if (added && shard != 0)
        {
            await redis.GetDatabase().SortedSetAddAsync(keys.Board(contestId, shard), participant.Id, 0, SortedSetWhen.NotExists); // another slot
        }
        return added;
    }

    public async Task<IReadOnlyDictionary<string, string>> GetPhonesAsync(string contestId, CancellationToken ct) =>
        (await redis.GetDatabase().HashGetAllAsync(keys.Phones(contestId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());

    public async Task<IReadOnlySet<string>> StaffIdsAsync(string contestId, CancellationToken ct) =>
        (await redis.GetDatabase().HashKeysAsync(keys.Roster(contestId))).Select(k => k.ToString()).ToHashSet();
}
