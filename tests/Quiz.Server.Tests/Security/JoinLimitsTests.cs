using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>One connection is one participant per contest; one address flooding joins does not keep anyone else out.</summary>
public sealed class JoinLimitsTests
{
    [Fact]
    public async Task Joining_again_on_the_same_connection_is_a_rejoin_of_the_same_participant()
    {
        await using var game = await LiveGame.StartAsync(nameof(JoinLimitsTests), new RoundRules(), "q-single");
        var other = await LiveGame.CreateAsync(game.Server, new RoundRules(), "q-single");
        await using var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var first = await phone.JoinAsync(game.Contest.JoinCode, "一号");
        for (var i = 0; i < 30; i++)
        {
            var again = await phone.JoinAsync(game.Contest.JoinCode, $"马甲{i}");
            Assert.Equal((first.ParticipantId, first.Token, "一号"), (again.ParticipantId, again.Token, again.Nickname));
        }
        Assert.Equal(1, (await phone.JoinAsync(game.Contest.JoinCode, "再来")).Room.State.Participants);

        // Another contest on the same connection is another participant there; coming back is the first one again.
        var elsewhere = await phone.JoinAsync(other.JoinCode, "二号");
        Assert.NotEqual(first.ParticipantId, elsewhere.ParticipantId);
        Assert.Equal(first.ParticipantId, (await phone.JoinAsync(game.Contest.JoinCode, "三号")).ParticipantId);
        Assert.Equal(1, (await phone.JoinAsync(game.Contest.JoinCode, "再来")).Room.State.Participants);
    }

    [Fact]
    public async Task An_ordinary_phone_gets_in_at_its_first_try_while_one_address_floods()
    {
        await using var server = LiveGame.Server(nameof(JoinLimitsTests), new Dictionary<string, string?>
        {
            ["Quiz:Security:KnownProxies:0"] = "127.0.0.1",
            // No refill during the test, however slowly the machine runs it: the flood has 20 joins and no more.
            ["Quiz:Live:AddressJoinBurst"] = "20",
            ["Quiz:Live:AddressJoinsPerSecond"] = "0.001",
            ["Quiz:Live:MaxJoinsPerSecond"] = "30",
        });
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        var flooders = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => LiveClient.ConnectAsync(server.BaseAddress, forwardedFor: "203.0.113.66")));
        try
        {
            var outcomes = await Task.WhenAll(flooders.Select(async (c, i) =>
            {
                try
                {
                    await c.JoinAsync(contest.JoinCode, $"水军{i}");
                    return "joined";
                }
                catch (HubException ex) when (ex.Message.Contains("busy", StringComparison.Ordinal))
                {
                    return "busy";
                }
            }));
            Assert.Equal((20, 20), (outcomes.Count(o => o == "joined"), outcomes.Count(o => o == "busy")));

            await using var phone = await LiveClient.ConnectAsync(server.BaseAddress, forwardedFor: "198.51.100.7");
            Assert.Equal("王阿姨", (await phone.JoinAsync(contest.JoinCode, "王阿姨")).Nickname); // no busy, no retry
        }
        finally
        {
            foreach (var client in flooders)
            {
                await client.DisposeAsync();
            }
        }
    }
}
