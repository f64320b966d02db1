using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
            ["Quiz:Auth:BootstrapAdmin"] = AdminUser,
            ["Quiz:Auth:BootstrapPassword"] = AdminPassword,
            // Kestrel listens where UseKestrel below says. Naming a port-0 address here also keeps the start from probing
            // the default port 5080, a probe that two servers starting at once could each take for "address in use".
            ["urls"] = "http://127.0.0.1:0",
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
        BaseAddress = new Uri(BoundAddress());
    }

    /// <summary>
    /// The address Kestrel bound. A minimal app starts Kestrel on its own thread, so the factory can return before the
    /// bind has filled the addresses feature (dotnet/aspnetcore#67714): wait for ApplicationStarted, which comes after it.
    /// </summary>
    private string BoundAddress()
    {
        var started = Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted;
        if (!started.IsCancellationRequested)
        {
            var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var _ = started.Register(() => bound.TrySetResult());
            if (!bound.Task.Wait(TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException("The test server did not report started within two minutes (did the start refuse an address?).");
            }
        }
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    /// <summary>The first admin every test server creates at start (Quiz:Auth:BootstrapAdmin), as an operator would.</summary>
    public const string AdminUser = "admin";

    public const string AdminPassword = "Test-only: 7 quiet rivers";

    public string KeyPrefix { get; }

    public Uri BaseAddress { get; }

    /// <summary>An organizer's client: a bearer token of the bootstrap admin, issued by the server's own issuer.</summary>
    public HttpClient CreateHttpClient() => CreateHttpClient(AdminToken());

    public HttpClient CreateHttpClient(string? bearerToken)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        if (bearerToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return http;
    }

    /// <summary>A client with no credentials: a stranger, a participant's phone, or a page that sends a host key.</summary>
    public HttpClient CreateAnonymousClient() => CreateHttpClient(null);

    public string AdminToken() => Token(AdminUser, Quiz.Core.Accounts.Roles.Admin);

    /// <summary>A token for an account as the login endpoint would issue it (the account must exist for its roles to count).</summary>
    public string Token(string userName, params string[] roles) =>
        Services.GetRequiredService<Quiz.Server.Security.TokenIssuer>().ForAccount(userName, roles);

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
