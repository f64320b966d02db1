using Quiz.Core.Accounts;

namespace Quiz.Server.Security;

/// <summary>Authorization policy and rate-limiter names, each a set of roles.</summary>
public static class Policies
{
    /// <summary>Banks, contests, results, the audit log: admin or organizer.</summary>
    public const string Organizer = "organizer";

    /// <summary>Accounts and roles: admin only.</summary>
    public const string Admin = "admin";

    /// <summary>The contest list (to reopen a host console by account): any account role, judges included.</summary>
    public const string Staff = "staff";

    public const string LoginLimiter = "login";

    public static bool IsOrganizer(this System.Security.Claims.ClaimsPrincipal user) => Roles.Organizers.Any(user.IsInRole);
}
