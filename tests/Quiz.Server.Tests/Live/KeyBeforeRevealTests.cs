using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>
/// GetKey: the host and judges see a question's key and explanation while it is open (a judge marks oral answers before
/// the reveal); a participant, a big screen, a team seat and a connection that proved nothing are refused with forbidden.
/// </summary>
public sealed class KeyBeforeRevealTests
{
    [Fact]
    public async Task Only_the_host_and_a_judge_get_the_key_before_the_reveal()
    {
        await using var game = await LiveGame.StartAsync(nameof(KeyBeforeRevealTests), new RoundRules { TimeLimitSeconds = 60 }, "q-single", "q-fill");
        var server = game.Server;
        await using var participant = await LiveClient.ConnectAsync(server.BaseAddress);
        await participant.JoinAsync(game.Contest.JoinCode, "张阿姨");
        await using var screen = await LiveClient.ConnectAsync(server.BaseAddress, messagePack: true);
        await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, game.Contest.JoinCode);
        await using var stranger = await LiveClient.ConnectAsync(server.BaseAddress);
        await using var judge = await JudgeAsync(server, game.Contest.ContestId);

        await game.Host.ControlAsync(HostMoves.Start);

        var key = await game.Host.Connection.CallAsync<QuestionKey>(HubMethods.GetKey, 0);
        Assert.Equal([2], key.Options);
        Assert.Contains("2060年前实现碳中和", key.Explanation, StringComparison.Ordinal);
        var judged = await judge.Connection.CallAsync<QuestionKey>(HubMethods.GetKey, 0);
        Assert.Equal(key.Options, judged.Options);
        Assert.Equal(key.Explanation, judged.Explanation);

        foreach (var other in new[] { participant, screen, stranger })
        {
            var refused = await Assert.ThrowsAsync<HubRefused>(() => other.Connection.CallAsync<QuestionKey>(HubMethods.GetKey, 0));
            Assert.Equal(HubErrors.Forbidden, refused.Code);
        }
        // Not a question still ahead: the host reads the key of what is on screen, not the whole paper in advance.
        var ahead = await Assert.ThrowsAsync<HubRefused>(() => game.Host.Connection.CallAsync<QuestionKey>(HubMethods.GetKey, 1));
        Assert.Equal("not_open", ahead.Code);

        // Who saw which key is on record.
        using var admin = server.CreateHttpClient();
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=200");
        var seen = audit!.Where(e => e.GetProperty("action").GetString() == "GetQuestionKey" && e.GetProperty("outcome").GetString() == "done").ToList();
        Assert.Contains(seen, e => e.GetProperty("actor").GetString() == "judge.li");
        Assert.Contains(seen, e => e.GetProperty("actor").GetString()!.StartsWith("host-key:", StringComparison.Ordinal));
    }

    private static async Task<LiveClient> JudgeAsync(QuizServer server, string contestId)
    {
        using var http = server.CreateHttpClient();
        var created = await http.PostAsync("/api/accounts", JsonContent.Create(
            new { userName = "judge.li", password = "a judge's long passphrase 17", roles = new[] { "judge" } }));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var judge = await LiveClient.ConnectAsync(server.BaseAddress, accessToken: server.Token("judge.li", "judge"));
        await judge.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contestId, ""));
        return judge;
    }
}
