using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Quiz.Core.Accounts;

namespace Quiz.Server.Security;

/// <summary>
/// An account's current roles, re-read from the store at most every few seconds. Tokens and open connections carry
/// the roles of their login; this is what makes a revocation bite within seconds instead of at the token's expiry.
/// </summary>
public sealed class AccountRoles(IAccountStore store, AuthOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<string> Roles, long ReadAtMs)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<IReadOnlyList<string>> CurrentAsync(string userName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_cache.TryGetValue(userName, out var cached) && now - cached.ReadAtMs < options.RoleCacheSeconds * 1000L)
        {
            return cached.Roles;
        }
        var roles = (await store.GetAsync(userName, ct))?.Roles ?? [];
        _cache[userName] = (roles, now);
        return roles;
    }

    public async ValueTask<bool> HasAnyAsync(string userName, IReadOnlyList<string> wanted, CancellationToken ct) =>
        (await CurrentAsync(userName, ct)).Any(wanted.Contains);
}

/// <summary>On every HTTP request, replaces an account token's roles with the account's current ones.</summary>
internal sealed class CurrentRolesTransformation(AccountRoles roles) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity
            || identity.HasClaim(c => c.Type == TokenIssuer.ContestClaim) || identity.Name is not { } name)
        {
            return principal; // anonymous, or a screen token: nothing to refresh
        }
        var current = await roles.CurrentAsync(name, CancellationToken.None);
        var refreshed = new ClaimsIdentity(identity.Claims.Where(c => c.Type != identity.RoleClaimType), identity.AuthenticationType,
            identity.NameClaimType, identity.RoleClaimType);
        refreshed.AddClaims(current.Select(r => new Claim(identity.RoleClaimType, r)));
        return new ClaimsPrincipal(refreshed);
    }
}
