using Quiz.Core.Contests;

namespace Quiz.Infrastructure.Contests;

/// <summary>How many shards a contest has and which holds a participant: from its definition (immutable), through this node's cache.</summary>
internal sealed class ShardMap(LiveRooms rooms)
{
    public async ValueTask<int> CountAsync(string contestId, CancellationToken cancellationToken) =>
        (await rooms.GetContestAsync(contestId, cancellationToken)).Shards;

    public async ValueTask<int> OfAsync(string contestId, string participantId, CancellationToken cancellationToken) =>
        (await rooms.GetContestAsync(contestId, cancellationToken)).ShardOf(participantId);
}
