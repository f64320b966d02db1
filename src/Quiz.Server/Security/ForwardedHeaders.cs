using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Quiz.Server.Security;

/// <summary>
/// X-Forwarded-For and -Proto are believed only from Quiz:Security:KnownProxies. ASP.NET Core's defaults (loopback)
/// and ASPNETCORE_FORWARDEDHEADERS_ENABLED (which trusts every sender) are both replaced by that list, so a client
/// that reaches a node without the proxy cannot name its own address and rotate past the per-address limits.
/// </summary>
internal static class ForwardedHeaders
{
    public static void TrustOnly(ForwardedHeadersOptions options, IReadOnlyList<string> proxies)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1; // one proxy in front: its own entry, the last one, is the client
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in proxies.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
                if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    options.KnownProxies.Add(address.MapToIPv6()); // a dual-stack socket reports IPv4 peers mapped
                }
            }
            else
            {
                throw new InvalidOperationException($"Quiz:Security:KnownProxies: '{entry}' is neither an address (10.0.0.5) nor a network (10.0.0.0/8).");
            }
        }
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            // The middleware reads empty lists as "believe every sender": with no proxy configured, forward nothing.
            options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None;
        }
    }

    /// <summary>Whether the framework already runs the middleware (ASPNETCORE_FORWARDEDHEADERS_ENABLED); it then reads the same, narrowed options.</summary>
    public static bool RunByFramework(IConfiguration configuration) =>
        string.Equals(configuration["FORWARDEDHEADERS_ENABLED"], "true", StringComparison.OrdinalIgnoreCase);
}
