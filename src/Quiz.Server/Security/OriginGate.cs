namespace Quiz.Server.Security;

/// <summary>
/// Refuses (403) an API or hub request that a browser sent from a page of another origin, unless that origin is in
/// Quiz:Security:AllowedOrigins. CORS alone only hides responses; WebSockets ignore it, so the hub needs this check.
/// Requests without an Origin header (load tools, curl, server-to-server) pass: they carry no victim's cookies.
/// </summary>
internal sealed class OriginGate(SecurityOptions options)
{
    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        // Same host and port, whatever the scheme: a proxy that terminates TLS forwards https pages' calls as http.
        return (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }

    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
}
