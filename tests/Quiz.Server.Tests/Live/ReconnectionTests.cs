using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

public sealed class ReconnectionTests
{
    [Fact]
    public async Task A_participant_who_drops_mid_question_comes_back_with_the_question_time_left_score_and_rank()
    {
        await using var game = await LiveGame.StartAsync(nameof(ReconnectionTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single", "q-tf");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        var phone = await LiveClient.ConnectAsync(server.BaseAddress);
        var joined = await phone.JoinAsync(contest.JoinCode, "王阿姨", district: "西湖区");
        await using var other = await LiveClient.ConnectAsync(server.BaseAddress);
        await other.JoinAsync(contest.JoinCode, "李叔叔");

        await host.ControlAsync(HostMoves.Start);
        var q0 = await phone.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await phone.WaitForServerTimeAsync(q0.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await phone.AnswerAsync(0, [2])).Status);
        await host.ControlAsync(HostMoves.Close);
        await host.ControlAsync(HostMoves.Reveal);
        await host.ControlAsync(HostMoves.Next);
        var q1 = await phone.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), q => q.Seq == 1);

        await phone.DisposeAsync(); // the phone loses the venue Wi-Fi
        await Task.Delay(300);

        await using var back = await LiveClient.ConnectAsync(server.BaseAddress);
        var again = await back.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
        Assert.Equal(joined.ParticipantId, again.ParticipantId);
        Assert.Equal(RoomStatuses.Open, again.Room.State.Status);
        Assert.Equal(1, again.Room.Question!.Seq);
        Assert.Equal(q1.KeyHash, again.Room.Question.KeyHash);
        Assert.InRange(again.Room.State.RemainingMs, 20_000, 30_000);
        Assert.False(again.Room.Answered);
        Assert.Null(again.Room.Standing); // mid-question: the page shows the standing it kept; the server's comes with the reveal
        Assert.Equal(2, again.Room.State.Participants);

        await back.WaitForServerTimeAsync(q1.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await back.AnswerAsync(1, [1])).Status);
        var rejoinedTwice = await back.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
        Assert.True(rejoinedTwice.Room.Answered);
        // The board already holds this answer's points: while the question is open a standing would tell right from wrong.
        Assert.Null(rejoinedTwice.Room.Standing);
        await host.ControlAsync(HostMoves.Close);
        var closed = await back.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
        Assert.Null(closed.Room.Standing); // closed, not revealed: still nothing that tells right from wrong
        await host.ControlAsync(HostMoves.Reveal);
        var afterReveal = await back.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
        Assert.Equal((1, 200.0, 1), (afterReveal.Room.Standing!.Seq, afterReveal.Room.Standing.Score, afterReveal.Room.Standing.Rank));
        await using var third = await LiveClient.ConnectAsync(server.BaseAddress);
        Assert.Equal(3, (await third.JoinAsync(contest.JoinCode, "第三人")).Room.State.Participants); // rejoining added nobody
    }

    [Fact]
    public async Task The_same_participant_on_a_second_device_supersedes_the_first_and_cannot_answer_twice()
    {
        await using var game = await LiveGame.StartAsync(nameof(ReconnectionTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        await using var first = await LiveClient.ConnectAsync(server.BaseAddress);
        var joined = await first.JoinAsync(contest.JoinCode, "赵工");
        await using var second = await LiveClient.ConnectAsync(server.BaseAddress);
        await second.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
        await first.NextAsync<string>(nameof(IQuizClient.Superseded));

        await host.ControlAsync(HostMoves.Start);
        var q = await second.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await second.WaitForServerTimeAsync(q.OpensAtMs);
        Assert.Contains("superseded", (await Assert.ThrowsAsync<HubRefused>(() => first.AnswerAsync(0, [2]))).Message);
        Assert.Equal(AckStatuses.Accepted, (await second.AnswerAsync(0, [2])).Status);

        var forged = await Assert.ThrowsAsync<HubRefused>(() =>
            second.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, "not-a-token")));
        Assert.Contains("unknown_token", forged.Message);
    }
}
