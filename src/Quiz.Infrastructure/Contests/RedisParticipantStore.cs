using System.Globalization;
using System.Text.Json;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisParticipantStore(IConnectionMultiplexer redis, RedisKeys keys, ShardMap shards) : IParticipantStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task AddAsync(string contestId, Participant participant, string tokenHash, CancellationToken cancellationToken)
    {
        var shard = await shards.OfAsync(contestId, participant.Id, cancellationToken);
        var tx = Db.CreateTransaction();
        _ = tx.HashSetAsync(keys.Participants(contestId), participant.Id, JsonSerializer.Serialize(participant, ContestJson.Options));
        _ = tx.HashSetAsync(keys.Tokens(contestId), tokenHash, participant.Id);
        foreach (var (dimension, group) in GroupDimensions.Of(participant))
        {
            _ = tx.HashIncrementAsync(keys.GroupSize(contestId, dimension), group);
        }
        if (shard == 0)
        {
            _ = tx.SortedSetAddAsync(keys.Board(contestId), participant.Id, 0, SortedSetWhen.NotExists);
        }
        await tx.ExecuteAsync();
        // On the board from the start with 0 points, so every participant has a rank. Another shard is another slot,
        // so its row is a write of its own (idempotent: a retried join or a rejoin adds nothing).
        if (shard != 0)
        {
            await Db.SortedSetAddAsync(keys.Board(contestId, shard), participant.Id, 0, SortedSetWhen.NotExists);
        }
    }

    public async Task<Participant?> FindByTokenAsync(string contestId, string tokenHash, CancellationToken cancellationToken)
    {
        var id = await Db.HashGetAsync(keys.Tokens(contestId), tokenHash);
        if (id.IsNullOrEmpty)
        {
            return null;
        }
        var json = await Db.HashGetAsync(keys.Participants(contestId), id.ToString());
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Participant>(json.ToString(), ContestJson.Options);
    }

    public async Task<Progress> GetProgressAsync(string contestId, string participantId, CancellationToken cancellationToken) =>
        Progress.Parse(await Db.HashGetAsync(keys.Progress(contestId, await shards.OfAsync(contestId, participantId, cancellationToken)), participantId));

    public async Task<bool> HasAnsweredAsync(string contestId, int seq, string participantId, CancellationToken cancellationToken) =>
        await Db.HashExistsAsync(keys.Answers(contestId, seq, await shards.OfAsync(contestId, participantId, cancellationToken)), participantId);

    public async Task<int> CountAsync(string contestId, CancellationToken cancellationToken) =>
        (int)await Db.HashLengthAsync(keys.Participants(contestId));
}
