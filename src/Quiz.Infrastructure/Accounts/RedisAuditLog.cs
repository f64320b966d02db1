using System.Text.Json;
using Quiz.Core.Audit;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Accounts;

/// <summary>The audit log as one Redis list, newest first, capped so it cannot grow without bound.</summary>
public sealed class RedisAuditLog(IConnectionMultiplexer redis, RedisKeys keys) : IAuditLog
{
    private const int Keep = 100_000;

    /// <summary>camelCase throughout, so the free-form input, before and after read the same as the API's own JSON.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var push = batch.ListLeftPushAsync(keys.AuditLog, JsonSerializer.Serialize(entry, Json));
        var trim = batch.ListTrimAsync(keys.AuditLog, 0, Keep - 1);
        batch.Execute();
        await Task.WhenAll(push, trim);
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int from, int take, CancellationToken ct) =>
        [.. (await redis.GetDatabase().ListRangeAsync(keys.AuditLog, from, from + take - 1))
            .Select(v => JsonSerializer.Deserialize<AuditEntry>(v.ToString(), Json)!)];
}
