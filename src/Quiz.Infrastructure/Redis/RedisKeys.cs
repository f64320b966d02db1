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

    /// <summary>Set of every bank id. Outside any bank's hash slot, so it is written before or after a bank, never with it.</summary>
    public string Banks() => $"{Prefix}banks";

    /// <summary>Hash: name, createdAt, updatedAt, rev (goes up with every write to the bank; commits are conditional on it).</summary>
    public string BankMeta(string bankId) => $"{Prefix}{{b:{bankId}}}:meta";

    /// <summary>Hash: question id to the question as JSON.</summary>
    public string BankQuestions(string bankId) => $"{Prefix}{{b:{bankId}}}:questions";
}
