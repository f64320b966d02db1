namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Every Redis key this application uses, as pure functions of the domain ids. Keys of one contest or one bank
/// share a hash tag (<c>{c:id}</c>, <c>{b:id}</c>) so a Lua script may touch all of them in Redis Cluster.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>A key nobody else uses; the readiness probe writes nothing, it only pings.</summary>
    public string Meta(string name) => $"{Prefix}meta:{name}";
}
