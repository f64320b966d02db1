using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>
/// Every expected refusal of every hub method reaches the client as its documented code in the reply, read as data:
/// no exception, no prose to parse (docs/protocol.md, "Replies").
/// </summary>
public sealed class HubReplyTests
{
    [Fact]
    public async Task Every_method_refuses_with_a_reply_that_carries_its_code()
    {
        await using var game = await LiveGame.StartAsync(nameof(HubReplyTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        await using var stranger = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var contestId = game.Contest.ContestId;
        var expected = new (string Method, object?[] Args, string Code)[]
        {
            (HubMethods.SubmitAnswer, [new AnswerRequest("a1", 0, [0])], "not_joined"),
            (HubMethods.Control, [new ControlRequest(HostMoves.Start)], "forbidden"),
            (HubMethods.Stage, [new StageRequest(StageMoves.Arm)], "forbidden"),
            (HubMethods.GetStage, [], "not_joined"),
            (HubMethods.StageSeats, [], "forbidden"),
            (HubMethods.Buzz, [], "not_seated"),
            (HubMethods.Join, [new JoinRequest("000000", "某人")], "unknown_code"),
            (HubMethods.Join, [new JoinRequest(game.Contest.JoinCode, "")], "invalid"),
            (HubMethods.Rejoin, [new RejoinRequest(contestId, "not-a-token")], "unknown_token"),
            (HubMethods.Rejoin, [new RejoinRequest("no-such-contest", "token")], "not_found"),
            (HubMethods.Watch, ["000000"], "unknown_code"),
            (HubMethods.HostRoom, [new HostRoomRequest(contestId, "guess")], "forbidden"),
            (HubMethods.TakeSeat, [new SeatRequest(contestId, "WRONGCODE2")], "forbidden"),
        };
        foreach (var (method, args, code) in expected)
        {
            var reply = await stranger.Connection.InvokeCoreAsync<JsonElement>(method, args);
            Assert.False(reply.GetProperty("ok").GetBoolean(), method);
            Assert.Equal(JsonValueKind.Null, reply.GetProperty("value").ValueKind);
            Assert.Equal((method, code), (method, reply.GetProperty("error").GetProperty("code").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(reply.GetProperty("error").GetProperty("message").GetString()));
        }
        var invalid = await stranger.Connection.InvokeCoreAsync<JsonElement>(HubMethods.Join, [new JoinRequest(game.Contest.JoinCode, "")]);
        Assert.Equal("nickname", invalid.GetProperty("error").GetProperty("errors")[0].GetProperty("field").GetString());

        var sync = await stranger.Connection.InvokeCoreAsync<JsonElement>(HubMethods.Sync, [42L]);
        Assert.Equal((true, 42L), (sync.GetProperty("ok").GetBoolean(), sync.GetProperty("value").GetProperty("clientTimeMs").GetInt64()));
    }
}
