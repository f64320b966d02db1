using System.Text.Json;
using Quiz.Core.Accounts;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Accounts;

/// <summary>Accounts in one Redis hash, user name to JSON. A few dozen organizers: no index needed.</summary>
public sealed class RedisAccountStore(IConnectionMultiplexer redis, RedisKeys keys) : IAccountStore
{
    // The first admin: only on an empty store and with an issued code, and the codes go with it. One script, so two
    // people setting up at once (or two nodes' codes) can never make two first admins.
    private const string FirstScript = """
        if redis.call('HLEN', KEYS[1]) > 0 then return 'exists' end
        if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 'unknown' end
        redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
        redis.call('DEL', KEYS[2])
        return 'created'
        """;

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

    public async Task<bool> AnyAsync(CancellationToken ct) => await Db.HashLengthAsync(keys.Accounts) > 0;

    public Task AddSetupCodeAsync(string codeHash, CancellationToken ct) =>
        Db.HashSetAsync(keys.SetupCodes, codeHash, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    public async Task<FirstAccount> TryCreateFirstAsync(Account account, string codeHash, CancellationToken ct) =>
        (string?)await Db.ScriptEvaluateAsync(FirstScript, [keys.Accounts, keys.SetupCodes], [codeHash, account.UserName, JsonSerializer.Serialize(account)]) switch
        {
            "created" => FirstAccount.Created,
            "exists" => FirstAccount.AccountsExist,
            _ => FirstAccount.UnknownCode,
        };
}
