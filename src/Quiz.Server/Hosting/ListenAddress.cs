using System.Net;
using System.Net.Sockets;

namespace Quiz.Server.Hosting;

/// <summary>
/// Where the server listens. The default is set here rather than in a launch profile (which `dotnet run` applies over
/// ASPNETCORE_URLS) or in appsettings.json (whose Urls outranks ASPNETCORE_URLS), and only when nothing names an
/// address: ASPNETCORE_URLS, --urls, ASPNETCORE_HTTP_PORTS/HTTPS_PORTS or Kestrel:Endpoints each win over it.
/// </summary>
public static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    private const string Advice = "Another program (perhaps another Quiz) holds it. Stop that one, or start on another address: "
        + "ASPNETCORE_URLS=http://localhost:5081 dotnet run --project src/Quiz.Server   (or add: -- --urls http://localhost:5081)";

    public static WebApplicationBuilder UseDefaultAddress(this WebApplicationBuilder builder)
    {
        if (Named(builder.Configuration) is null && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(Default);
        }
        return builder;
    }

    /// <summary>
    /// Runs the app, unless an address it would listen on is taken: then one plain line and exit code 2, before any
    /// hosted service starts, so nothing is created in or loaded into the store. (The first admin and the shipped banks
    /// also wait for the server to listen, for the rare start that loses a race for the port after this check.)
    /// </summary>
    public static int RunOrExplain(this WebApplication app)
    {
        var urls = Named(app.Configuration) ?? Default;
        if (!app.Configuration.GetSection("Kestrel:Endpoints").Exists() && Taken(urls).FirstOrDefault() is { } taken)
        {
            Console.Error.WriteLine($"Quiz did not start: the address {taken} is in use. {Advice}");
            return 2;
        }
        try
        {
            app.Run();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"Quiz did not start: {ex.Message} {Advice}");
            return 2;
        }
    }

    /// <summary>The addresses configuration names (urls, or http_ports/https_ports as Kestrel reads them), or null.</summary>
    private static string? Named(IConfiguration config)
    {
        if (!string.IsNullOrWhiteSpace(config["urls"]))
        {
            return config["urls"];
        }
        var ports = new[] { ("http", config["http_ports"]), ("https", config["https_ports"]) }
            .SelectMany(p => (p.Item2 ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(port => $"{p.Item1}://*:{port}"))
            .ToList();
        return ports.Count > 0 ? string.Join(';', ports) : null;
    }

    /// <summary>The addresses of <paramref name="urls"/> something else listens on (a port of 0 is never taken).</summary>
    private static IEnumerable<string> Taken(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Port == 0)
            {
                continue;
            }
            IPAddress[] addresses = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? [IPAddress.Loopback]
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? [ip] : [IPAddress.Any];
            if (addresses.Any(a => !CanListen(a, uri.Port)))
            {
                yield return url;
            }
        }
    }

    private static bool CanListen(IPAddress address, int port)
    {
        try
        {
            var listener = new TcpListener(address, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            return true; // not ours to judge (an address this host lacks): Kestrel says what is wrong
        }
    }
}
