using System.Net;
using System.Net.Http.Json;
using Quiz.Contracts;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>Self-registration is admitted like a live join: past the node's rate, "busy" (429) rather than a flood of made-up people.</summary>
public sealed class RegistrationGateTests
{
    [Fact]
    public async Task Registrations_past_the_nodes_rate_are_told_busy_and_admitted_in_the_next_second()
    {
        await using var kit = await RoundKit.StartAsync(nameof(RegistrationGateTests), c => c with { SelfRegistration = true });
        using var anonymous = kit.Server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            statuses.Add((await anonymous.PostAsJsonAsync(kit.Url("/register"), new { name = $"报名{i}" })).StatusCode);
        }

        // The fake clock stands still, so all 25 fall in one second of a gate of 20.
        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var busy = await anonymous.PostAsJsonAsync(kit.Url("/register"), new { name = "再来" });
        Assert.Contains("\"busy\"", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        kit.Clock.Advance(TimeSpan.FromSeconds(1));
        var next = await anonymous.PostAsJsonAsync(kit.Url("/register"), new { name = "下一秒" });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(string.IsNullOrEmpty((await next.Content.ReadFromJsonAsync<RoundRegistration>(QuizJson.Options))!.Token));
    }
}
