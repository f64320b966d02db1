using System.Globalization;
using System.Text.Json;
using Quiz.Core.Boards;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

internal sealed class RedisParticipantStore(IConnectionMultiplexer redis, RedisKeys keys) : IParticipantStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task AddAsync(string contestId, Participant participant, string tokenHash, CancellationToken cancellationToken)
    {
        var tx = Db.CreateTransaction();
        _ = tx.HashSetAsync(keys.Participants(contestId), participant.Id, JsonSerializer.Serialize(participant, ContestJson.Options));
        _ = tx.HashSetAsync(keys.Tokens(contestId), tokenHash, participant.Id);
        // On the board from the start with 0 points, so every participant has a rank.
        _ = tx.SortedSetAddAsync(keys.Board(contestId), participant.Id, 0, SortedSetWhen.NotExists);
        foreach (var (dimension, group) in GroupDimensions.Of(participant))
        {
            _ = tx.HashIncrementAsync(keys.GroupSize(contestId, dimension), group);
        }
        await tx.ExecuteAsync();
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
        Progress.Parse(await Db.HashGetAsync(keys.Progress(contestId), participantId));

    public Task<bool> HasAnsweredAsync(string contestId, int seq, string participantId, CancellationToken cancellationToken) =>
        Db.HashExistsAsync(keys.Answers(contestId, seq), participantId);

    public async Task<int> CountAsync(string contestId, CancellationToken cancellationToken) =>
        (int)await Db.SortedSetLengthAsync(keys.Board(contestId));
}
