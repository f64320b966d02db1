using System.Text.Json;
using Quiz.Core.Accounts;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Accounts;

/// <summary>Accounts in one Redis hash, user name to JSON. A few dozen organizers: no index needed.</summary>
public sealed class RedisAccountStore(IConnectionMultiplexer redis, RedisKeys keys) : IAccountStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<Account?> GetAsync(string userName, CancellationToken ct)
    {
        var json = await Db.HashGetAsync(keys.Accounts, userName);
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Account>(json.ToString());
    }

    public Task<bool> TryCreateAsync(Account account, CancellationToken ct) =>
        Db.HashSetAsync(keys.Accounts, account.UserName, JsonSerializer.Serialize(account), When.NotExists);

    public Task SaveAsync(Account account, CancellationToken ct) =>
        Db.HashSetAsync(keys.Accounts, account.UserName, JsonSerializer.Serialize(account));

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct) =>
        [.. (await Db.HashValuesAsync(keys.Accounts)).Select(v => JsonSerializer.Deserialize<Account>(v.ToString())!)];
}
