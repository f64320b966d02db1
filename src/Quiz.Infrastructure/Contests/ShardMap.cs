using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// How many shards a contest has and which holds a participant: from its definition (immutable), through this node's
/// cache. A contest with no definition (records written by hand, a test's seed) keeps everything in its own slot.
/// </summary>
internal sealed class ShardMap(LiveRooms rooms)
{
    public async ValueTask<int> CountAsync(string contestId, CancellationToken cancellationToken)
    {
        try
        {
            return (await rooms.GetContestAsync(contestId, cancellationToken)).Shards;
        }
        catch (DomainException ex) when (ex.Code == "not_found")
        {
            return 1;
        }
    }

    public async ValueTask<int> OfAsync(string contestId, string participantId, CancellationToken cancellationToken) =>
        ContestShards.Of(participantId, await CountAsync(contestId, cancellationToken));
}
