using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Browser.Tests.Support;

/// <summary>The real server on a loopback socket (Kestrel), its own key prefix, the sample bank off, questions opening 100 ms after they are sent.</summary>
public sealed class QuizServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public QuizServer(string name)
    {
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = TestStore.ConnectionString,
            ["Quiz:Redis:KeyPrefix"] = $"browser:{name}:{Guid.NewGuid():N}:",
            ["Quiz:SampleBank:Enabled"] = "false",
            ["Quiz:Live:OpenLeadMs"] = "100",
        };
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
