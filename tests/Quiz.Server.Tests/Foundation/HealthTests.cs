using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Foundation;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_answer_when_the_store_is_up()
    {
        await using var server = new QuizServer(nameof(HealthTests));
        using var http = server.CreateAnonymousClient();
        Assert.Null(server.Services.GetService<EmbeddedGarnet>()); // a configured Redis means no Garnet of our own

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Contains("PING", body.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString());
    }

    [Fact]
    public async Task An_unreachable_redis_makes_the_node_live_but_not_ready()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        await using var server = new QuizServer(nameof(HealthTests), new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=500",
        });
        using var http = server.CreateAnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_server_clock_is_served()
    {
        await using var server = new QuizServer(nameof(HealthTests));
        using var http = server.CreateAnonymousClient();

        var body = await http.GetFromJsonAsync<JsonElement>("/api/time");
        var serverTime = body.GetProperty("serverTime").GetDateTimeOffset();
        Assert.InRange(serverTime, DateTimeOffset.UtcNow.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
    }
}
