using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Server.Security;

/// <summary>
/// The token signing key: Quiz:Auth:SigningKey if set, else a random 256-bit key stored once in Redis (SET NX), so a
/// fresh machine works and every node of an installation signs and checks with the same key.
/// </summary>
public sealed class SigningKeys(AuthOptions options, IConnectionMultiplexer redis, RedisKeys keys)
{
    private SymmetricSecurityKey? _key;

    public SymmetricSecurityKey Key => _key ??= Load();

    private SymmetricSecurityKey Load()
    {
        if (!string.IsNullOrEmpty(options.SigningKey))
        {
            var configured = Encoding.UTF8.GetBytes(options.SigningKey);
            return configured.Length >= 32 ? new SymmetricSecurityKey(configured)
                : throw new InvalidOperationException("Quiz:Auth:SigningKey must have at least 32 characters.");
        }
        var db = redis.GetDatabase();
        // Runs once per node, on the first token; the synchronous round trip is acceptable there.
        db.StringSet(keys.SigningKey, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), when: When.NotExists);
        return new SymmetricSecurityKey(Convert.FromBase64String(db.StringGet(keys.SigningKey).ToString()));
    }
}
