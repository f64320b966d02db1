using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Quiz.Server.Security;

/// <summary>Short-lived HMAC-signed JWTs: an account's (name and roles) or a big screen's (one contest, read-only).</summary>
public sealed class TokenIssuer(SigningKeys keys, AuthOptions options, TimeProvider clock)
{
    public const string Issuer = "quiz";
    public const string ContestClaim = "contest";

    private readonly JsonWebTokenHandler _handler = new();

    public string ForAccount(string userName, IReadOnlyList<string> roles) =>
        Issue(userName, roles, null, TimeSpan.FromMinutes(options.TokenMinutes));

    public string ForScreen(string contestId) =>
        Issue($"screen:{contestId}", [Core.Accounts.Roles.Screen], contestId, TimeSpan.FromHours(options.ScreenTokenHours));

    public TokenValidationParameters Validation() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKeyResolver = (_, _, _, _) => [keys.Key],
        NameClaimType = "sub",
        RoleClaimType = "role",
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private string Issue(string subject, IReadOnlyList<string> roles, string? contestId, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = roles.ToArray() };
        if (contestId is not null)
        {
            claims[ContestClaim] = contestId;
        }
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
