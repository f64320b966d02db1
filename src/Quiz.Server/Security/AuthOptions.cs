namespace Quiz.Server.Security;

/// <summary>Settings under Quiz:Auth. See the README's security table.</summary>
public sealed class AuthOptions
{
    public const string Section = "Quiz:Auth";

    /// <summary>HMAC key for tokens (at least 32 characters). Empty: a random key kept in Redis, shared by every node.</summary>
    public string? SigningKey { get; set; }

    /// <summary>With <see cref="BootstrapPassword"/>: the first admin, created at start only while no account exists.</summary>
    public string? BootstrapAdmin { get; set; }

    public string? BootstrapPassword { get; set; }

    public int TokenMinutes { get; set; } = 60;

    public int ScreenTokenHours { get; set; } = 12;

    /// <summary>Logins per client address per minute.</summary>
    public int LoginsPerMinute { get; set; } = 10;

    /// <summary>How long a node trusts its copy of an account's roles; a revoked role stops working within this.</summary>
    public int RoleCacheSeconds { get; set; } = 3;
}
