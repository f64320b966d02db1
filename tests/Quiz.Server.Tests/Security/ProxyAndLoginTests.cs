using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Core.Accounts;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>Who the client is: forwarded addresses only from known proxies, origins never from the Host header, logins that do not tell names apart.</summary>
public sealed class ProxyAndLoginTests
{
    [Fact]
    public async Task A_client_that_reaches_a_node_directly_cannot_rotate_x_forwarded_for_past_the_login_limit()
    {
        await using var server = LiveGame.Server(nameof(ProxyAndLoginTests));
        using var http = server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add(await LoginAsync(http, $"203.0.113.{i}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]); // the 11th try of the same socket address, whatever it claimed
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_address_has_its_own_login_budget()
    {
        await using var server = LiveGame.Server(nameof(ProxyAndLoginTests), new Dictionary<string, string?> { ["Quiz:Security:KnownProxies:0"] = "127.0.0.1" });
        using var http = server.CreateAnonymousClient();
        for (var i = 0; i < 11; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await LoginAsync(http, $"203.0.113.{i}"));
        }
        for (var i = 0; i < 10; i++)
        {
            await LoginAsync(http, "198.51.100.7");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await LoginAsync(http, "198.51.100.7"));
    }

    [Fact]
    public async Task An_unknown_user_name_costs_a_password_hash_like_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var server = LiveGame.Server(nameof(ProxyAndLoginTests), services: s => s.AddSingleton<IPasswordHasher<Account>>(hasher));
        using var http = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/login", new { userName = "nobody-here", password = "whatever it is" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/login", new { userName = QuizServer.AdminUser, password = "whatever it is" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/login", new { userName = QuizServer.AdminUser, password = "" })).StatusCode);
        Assert.Equal(3, hasher.Verified);
    }

    [Fact]
    public async Task The_origin_check_does_not_believe_the_host_header()
    {
        await using var server = LiveGame.Server(nameof(ProxyAndLoginTests));
        using var http = server.CreateAnonymousClient();
        var port = server.BaseAddress.Port;
        // DNS rebinding: a page of evil.example whose name now resolves to the node sends its own Host and Origin.
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, origin: $"http://evil.example:{port}", host: $"evil.example:{port}"));
        // The node's own origin passes whatever Host says; localhost is the same machine as 127.0.0.1.
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, origin: $"http://127.0.0.1:{port}", host: $"evil.example:{port}"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(http, origin: $"http://localhost:{port}", host: $"localhost:{port}"));
        Assert.Equal(HttpStatusCode.Forbidden, await PostAsync(http, origin: $"http://127.0.0.1:{port + 1}", host: $"127.0.0.1:{port + 1}"));
    }

    private static async Task<HttpStatusCode> LoginAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "admin", password = "not the password" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await http.SendAsync(request)).StatusCode;
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, string origin, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login") { Content = JsonContent.Create(new { userName = "x", password = "y" }) };
        request.Headers.Add("Origin", origin);
        request.Headers.Host = host;
        return (await http.SendAsync(request)).StatusCode;
    }

    private sealed class CountingHasher : IPasswordHasher<Account>
    {
        private readonly PasswordHasher<Account> _real = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(Account user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
