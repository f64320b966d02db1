using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Foundation;

/// <summary>
/// `dotnet run --project src/Quiz.Server`, the first command of the README, as a real process: it listens where
/// ASPNETCORE_URLS or --urls say (the launch profile no longer overrides them), offers the first-admin setup with the
/// code it prints, and on a taken address stops at once with a plain message, having created and loaded nothing.
/// </summary>
public sealed class FirstCommandTests
{
    [Fact]
    public async Task Aspnetcore_urls_is_honoured_and_the_printed_setup_code_creates_the_first_admin_once()
    {
        var prefix = TestRedis.NewPrefix(nameof(FirstCommandTests));
        var port = LoopbackPorts.FreeRun(1);
        await using var server = ServerProcess.Start(Store(prefix, new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }));
        var line = await server.LineAsync(l => l.Contains("setup code", StringComparison.Ordinal));
        Assert.Contains($"http://127.0.0.1:{port}/admin", line, StringComparison.Ordinal);
        var code = ServerProcess.SetupCodeIn(line);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.True((await http.GetFromJsonAsync<JsonElement>("/api/setup")).GetProperty("needed").GetBoolean());
        var wrong = await http.PostAsJsonAsync("/api/setup", new { setupCode = "AAAA-BBBB-CCCC-DDDD", userName = "chen.admin", password = "钱塘江-first-admin-2025" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        // Typed as a person might: lower case, without the dashes.
        var created = await http.PostAsJsonAsync("/api/setup", new { setupCode = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant(), userName = "chen.admin", password = "钱塘江-first-admin-2025" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var again = await http.PostAsJsonAsync("/api/setup", new { setupCode = code, userName = "second", password = "another long passphrase" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode); // single use: an account exists now
        Assert.False((await http.GetFromJsonAsync<JsonElement>("/api/setup")).GetProperty("needed").GetBoolean());

        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var audit = await http.GetFromJsonAsync<JsonElement[]>("/api/audit?take=10");
        var setups = audit!.Where(e => e.GetProperty("action").GetString() == "CreateFirstAdmin").Select(e => e.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["refused: setup_closed", "done", "refused: unauthorized"], setups);
        Assert.All(audit!.Where(e => e.GetProperty("action").GetString() == "CreateFirstAdmin"), e => Assert.Equal("setup-code", e.GetProperty("actor").GetString()));
        Assert.DoesNotContain(code, JsonSerializer.Serialize(audit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_urls_argument_wins_over_the_environment()
    {
        var ports = LoopbackPorts.Free(2);
        await using var server = ServerProcess.Start(Store(TestRedis.NewPrefix(nameof(FirstCommandTests)), new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ports[0]}" }),
            "--urls", $"http://127.0.0.1:{ports[1]}");
        var line = await server.LineAsync(l => l.Contains("Now listening on:", StringComparison.Ordinal));
        Assert.EndsWith($"http://127.0.0.1:{ports[1]}", line.Trim(), StringComparison.Ordinal);
        Assert.True(LoopbackPorts.IsFree(ports[0]));
    }

    [Fact]
    public async Task A_taken_address_stops_the_start_with_a_plain_message_before_any_admin_or_bank_is_made()
    {
        var prefix = TestRedis.NewPrefix(nameof(FirstCommandTests));
        var port = LoopbackPorts.FreeRun(1);
        var holder = new TcpListener(IPAddress.Loopback, port);
        holder.Start();
        try
        {
            await using var server = ServerProcess.Start(Store(prefix, new()
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["Quiz__SampleBank__Enabled"] = "true",
                ["Quiz__Auth__BootstrapAdmin"] = QuizServer.AdminUser,
                ["Quiz__Auth__BootstrapPassword"] = QuizServer.AdminPassword,
            }));
            Assert.Equal(2, await server.ExitCodeAsync());
            Assert.Contains($"Quiz did not start: the address http://127.0.0.1:{port} is in use.", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", server.Output, StringComparison.Ordinal); // one plain line, no stack trace
        }
        finally
        {
            holder.Stop();
        }
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.ConnectionString);
        foreach (var endpoint in redis.GetEndPoints())
        {
            Assert.Empty(redis.GetServer(endpoint).Keys(pattern: prefix + "*").Take(1));
        }
    }

    private static Dictionary<string, string> Store(string prefix, Dictionary<string, string> settings)
    {
        settings["ConnectionStrings__Redis"] = TestRedis.ConnectionString;
        settings["Quiz__Redis__KeyPrefix"] = prefix;
        settings.TryAdd("Quiz__SampleBank__Enabled", "false");
        return settings;
    }
}
