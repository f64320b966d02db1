using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// The real server on a real loopback socket (Kestrel, not the in-memory test server), with its own key prefix on
/// the shared test store. Settings can be overridden per test, e.g. to run it with the embedded Garnet.
/// </summary>
public sealed class QuizServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public QuizServer(string name, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        KeyPrefix = TestRedis.NewPrefix(name);
        _settings = new Dictionary<string, string?>
        {
            ["Quiz:Redis:KeyPrefix"] = KeyPrefix,
        };
        if (settings is null || !settings.ContainsKey("ConnectionStrings:Redis"))
        {
            _settings["ConnectionStrings:Redis"] = TestRedis.ConnectionString;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public string KeyPrefix { get; }

    public Uri BaseAddress { get; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
