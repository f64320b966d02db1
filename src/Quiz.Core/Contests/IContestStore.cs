namespace Quiz.Core.Contests;

/// <summary>Contest definitions and their live rooms.</summary>
public interface IContestStore
{
    /// <summary>Stores a new contest with a fresh room, reserves its join code and lists it; false if the code is taken.</summary>
    Task<bool> CreateAsync(ContestDefinition contest, string joinCode, CancellationToken cancellationToken);

    /// <summary>A fresh contest id; for a contest of several shards, one whose shards the store can spread (see ShardPlacement).</summary>
    string NewId(int shards);

    Task<ContestDefinition?> GetAsync(string contestId, CancellationToken cancellationToken);

    Task<string?> GetJoinCodeAsync(string contestId, CancellationToken cancellationToken);

    Task<string?> FindByJoinCodeAsync(string joinCode, CancellationToken cancellationToken);

    Task<Room> GetRoomAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the room only if its stored version is still <paramref name="expectedVersion"/>, and logs the move; then,
    /// before returning, gives each of the contest's <paramref name="shards"/> its copy of the room.
    /// </summary>
    Task<bool> TryMoveRoomAsync(string contestId, Room room, long expectedVersion, string logEntry, int shards, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="take"/> contests, newest first.</summary>
    Task<IReadOnlyList<ContestListRow>> ListAsync(int take, CancellationToken cancellationToken);
}
