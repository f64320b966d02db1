using System.Net;
using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Quiz.Server.Security;

/// <summary>
/// Refuses (403) an API or hub request that a browser sent from a page of another origin. The server's own origins
/// are the addresses it listens on (for a wildcard bind, its port on this machine's own addresses and localhost) plus
/// Quiz:Security:AllowedOrigins; never the request's Host header, which the page's own server controls (DNS
/// rebinding: evil.example resolving to a node would otherwise count as "same origin"). CORS alone only hides
/// responses, and WebSockets ignore it, so the hub needs this check. Requests without an Origin header (load tools,
/// curl, server to server) pass: they carry no victim's cookies.
/// </summary>
internal sealed class OriginGate(SecurityOptions options, IServer server)
{
    private readonly Lazy<IReadOnlyList<(string Host, int Port)>> _own = new(() => OwnOrigins(server));

    public bool Allows(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }
        // Same host and port, whatever the scheme: a proxy that terminates TLS forwards https pages' calls as http.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && _own.Value.Any(o => o.Port == uri.Port && string.Equals(o.Host, Host(uri.Host), StringComparison.OrdinalIgnoreCase));
    }

    public static bool Guards(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every (host, port) the server answers as itself; read once, after it has started listening.</summary>
    private static List<(string Host, int Port)> OwnOrigins(IServer server)
    {
        var own = new List<(string, int)>();
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var (host, port) = Split(address);
            if (port <= 0)
            {
                continue;
            }
            if (host is "+" or "*" or "0.0.0.0" or "::" or "[::]")
            {
                own.AddRange(MachineHosts().Select(h => (h, port)));
            }
            else
            {
                own.Add((Host(host), port));
                if (host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))
                {
                    own.AddRange(new[] { "localhost", "127.0.0.1", "[::1]" }.Select(h => (h, port))); // one machine, however it is named
                }
            }
        }
        return own;
    }

    private static (string Host, int Port) Split(string address)
    {
        var rest = address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
        var colon = rest.LastIndexOf(':');
        return colon > 0 && int.TryParse(rest[(colon + 1)..], out var port) && !rest[(colon + 1)..].Contains(']', StringComparison.Ordinal)
            ? (rest[..colon], port)
            : (rest, address.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
    }

    private static IEnumerable<string> MachineHosts() =>
        new[] { "localhost", Dns.GetHostName() }.Concat(NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => Host(a.Address.ToString())));

    /// <summary>A host as an Origin spells it: IPv6 in brackets, no zone.</summary>
    private static string Host(string host)
    {
        var bare = host.Trim('[', ']');
        var zone = bare.IndexOf('%', StringComparison.Ordinal);
        bare = zone >= 0 ? bare[..zone] : bare;
        return IPAddress.TryParse(bare, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{bare}]" : bare;
    }
}
