namespace Quiz.Core.Contests;

/// <summary>Which shard of a contest holds a participant: a stable hash of the id (FNV-1a), the same on every node and run.</summary>
public static class ContestShards
{
    public const int Max = 64;

    public static int Of(string participantId, int shards)
    {
        if (shards <= 1)
        {
            return 0;
        }
        var hash = 2166136261u;
        foreach (var c in participantId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)shards);
    }
}
