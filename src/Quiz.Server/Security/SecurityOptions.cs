namespace Quiz.Server.Security;

/// <summary>Settings under Quiz:Security.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Quiz:Security";

    /// <summary>Origins (scheme://host[:port]) besides the server's own that may call the API and the hub from a browser.</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
