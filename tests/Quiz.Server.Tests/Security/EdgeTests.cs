using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>The edge: origins, CORS, security headers, and logs that never hold a token or what participants typed.</summary>
public sealed class EdgeTests
{
    private const string Allowed = "https://screen.example.org";
    private const string Evil = "https://evil.example.com";

    [Fact]
    public async Task A_disallowed_origin_is_refused_on_the_api_and_the_hub_and_an_allowed_one_gets_cors()
    {
        await using var server = LiveGame.Server(nameof(EdgeTests), new Dictionary<string, string?> { ["Quiz:Security:AllowedOrigins:0"] = Allowed });
        using var http = server.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.Forbidden, (await Send(http, HttpMethod.Post, "/api/auth/login", Evil)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(http, HttpMethod.Get, "/hubs/quiz", Evil)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(http, HttpMethod.Post, "/api/auth/login", server.BaseAddress.ToString().TrimEnd('/'))).StatusCode);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/auth/login");
        preflight.Headers.Add("Origin", Allowed);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        var answer = await http.SendAsync(preflight);
        Assert.Equal(Allowed, answer.Headers.GetValues("Access-Control-Allow-Origin").Single());

        var hub = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, HubMethods.Path), o =>
        {
            o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.Headers["Origin"] = Evil;
        }).Build();
        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        await using var server = LiveGame.Server(nameof(EdgeTests));
        using var http = server.CreateAnonymousClient();
        var page = await http.GetAsync("/admin");
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Captured_logs_hold_no_token_and_nothing_a_participant_typed()
    {
        var captured = new CapturedLogs();
        const string Phone = "13812345678";
        const string RosterPhone = "13687654321";
        await using (var server = new QuizServer(nameof(EdgeTests), new Dictionary<string, string?>(LiveGame.FastSettings)
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, services => services.AddSingleton<ILoggerProvider>(captured)))
        {
            var contest = await LiveGame.CreateAsync(server, new RoundRules(), new ContestGroups { FreeUnits = true }, "q-single");
            var token = server.AdminToken();
            using (var organizer = server.CreateHttpClient(token))
            {
                await LiveGame.Read<RosterCode[]>(await organizer.PostAsJsonAsync($"/api/contests/{contest.ContestId}/roster",
                    new[] { new RosterPerson("赵六", "HZ-9", null, null, RosterPhone) }));
                await organizer.GetAsync($"/api/contests/{contest.ContestId}/results.csv?phones=full");
            }
            // As a browser does: the token in the query string of the WebSocket request (the .NET client would use a header).
            await using var host = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, $"{HubMethods.Path}?access_token={token}"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            }).Build();
            await host.StartAsync();
            await host.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contest.ContestId, ""));
            await using var phone = await LiveClient.ConnectAsync(server.BaseAddress);
            var joined = await phone.JoinAsync(contest.JoinCode, "小张", unit: Phone);
            await host.CallAsync<RoomState>(HubMethods.Control, new ControlRequest(HostMoves.Start));
            await using var again = await LiveClient.ConnectAsync(server.BaseAddress);
            await again.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(contest.ContestId, joined.Token));
            using var anonymous = server.CreateAnonymousClient();
            await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = QuizServer.AdminUser, password = QuizServer.AdminPassword });
            using var keyed = server.CreateAnonymousClient();
            keyed.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
            await keyed.GetAsync($"/api/contests/{contest.ContestId}/results.csv");

            var logs = captured.Text;
            Assert.Contains("/hubs/quiz", logs, StringComparison.Ordinal); // logging was on
            foreach (var secret in new[] { token, token.Split('.')[2], joined.Token, contest.HostKey, Phone, RosterPhone, QuizServer.AdminPassword, "access_token" })
            {
                Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
            }
        }
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string path, string origin)
    {
        var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { userName = "x", password = "y" }) };
        request.Headers.Add("Origin", origin);
        return http.SendAsync(request);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category} {logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
