using System.Net;
using System.Net.Http.Json;
using Quiz.Core.Banks;
using Quiz.Core.Features.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>A round whose window has already closed could never be taken: creating one is a 400 on closesAt, not a dead round.</summary>
public sealed class RoundWindowTests
{
    [Fact]
    public async Task A_round_whose_window_closed_already_is_refused_on_closesAt()
    {
        await using var server = LiveGame.Server(nameof(RoundWindowTests));
        var (bankId, _) = await LiveGame.ImportBankAsync(server);
        using var http = server.CreateHttpClient();
        var now = DateTimeOffset.UtcNow;

        var response = await http.PostAsJsonAsync("/api/rounds",
            new CreateOnlineRound("过期的轮次", now.AddDays(-2), now.AddDays(-1), 60, bankId, [new BlueprintRule(3)]), QuizJson.Options);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("closesAt", body, StringComparison.Ordinal);
    }
}
