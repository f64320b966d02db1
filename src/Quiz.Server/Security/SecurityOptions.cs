namespace Quiz.Server.Security;

/// <summary>Settings under Quiz:Security.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Quiz:Security";

    /// <summary>
    /// Origins (scheme://host[:port]) besides the server's own listening addresses that may call the API and the hub
    /// from a browser: behind a proxy or a DNS name, the public origin pages are served from must be listed here.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Addresses (10.0.0.5) or networks (10.0.0.0/8) of the reverse proxies whose X-Forwarded-For and -Proto are
    /// believed. Empty: none is, and the client's address is the socket's peer (a node reached directly cannot be
    /// told another address). Per-address limits (login, joins) count what this establishes.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
