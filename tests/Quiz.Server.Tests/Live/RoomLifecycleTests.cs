using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

public sealed class RoomLifecycleTests
{
    [Fact]
    public async Task Host_moves_the_room_through_its_life_and_invalid_moves_are_refused_with_a_reason()
    {
        await using var game = await LiveGame.StartAsync(nameof(RoomLifecycleTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single", "q-tf");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        var session = game.Session;
        Assert.Equal(contest.JoinCode, session.JoinCode);
        Assert.Equal(RoomStatuses.Lobby, session.Room.State.Status);

        var refused = await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Reveal));
        Assert.Contains("invalid_move", refused.Message);

        Assert.Equal(RoomStatuses.Open, (await host.ControlAsync(HostMoves.Start)).Status);
        var early = await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Next));
        Assert.Contains("close it first", early.Message);

        var paused = await host.ControlAsync(HostMoves.Pause);
        Assert.True(paused.Paused);
        Assert.InRange(paused.RemainingMs, 25_000, 30_100);
        Assert.Contains("paused", (await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Close))).Message);
        var resumed = await host.ControlAsync(HostMoves.Resume);
        Assert.False(resumed.Paused);
        Assert.InRange(resumed.ClosesAtMs - resumed.ServerTimeMs, 25_000, 30_100);

        Assert.Equal(RoomStatuses.Closed, (await host.ControlAsync(HostMoves.Close)).Status);
        Assert.Equal(RoomStatuses.Revealed, (await host.ControlAsync(HostMoves.Reveal)).Status);
        Assert.Equal(RoomStatuses.Board, (await host.ControlAsync(HostMoves.Board)).Status);
        Assert.Equal(1, (await host.ControlAsync(HostMoves.Next)).Seq);
        await host.ControlAsync(HostMoves.Close);
        Assert.Contains("last question", (await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Next))).Message);
        Assert.Equal(RoomStatuses.Ended, (await host.ControlAsync(HostMoves.End)).Status);
        Assert.Contains("ended", (await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Start))).Message);
    }

    [Fact]
    public async Task A_wrong_host_key_and_a_participant_cannot_move_the_room()
    {
        await using var server = LiveGame.Server(nameof(RoomLifecycleTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        await using var intruder = await LiveClient.ConnectAsync(server.BaseAddress);
        var refused = await Assert.ThrowsAsync<HubRefused>(() =>
            intruder.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contest.ContestId, "guess")));
        Assert.Contains("forbidden", refused.Message);

        await intruder.JoinAsync(contest.JoinCode, "小王");
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubRefused>(() => intruder.ControlAsync(HostMoves.Start))).Message);
    }

    [Fact]
    public async Task A_contest_without_late_join_refuses_newcomers_once_started_and_every_contest_after_its_end()
    {
        await using var game = await LiveGame.StartAsync(nameof(RoomLifecycleTests), new RoundRules { LateJoin = false }, "q-single");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        await using var early = await LiveClient.ConnectAsync(server.BaseAddress);
        await early.JoinAsync(contest.JoinCode, "准时");
        await host.ControlAsync(HostMoves.Start);
        await using var late = await LiveClient.ConnectAsync(server.BaseAddress);
        Assert.Contains("late_join_closed", (await Assert.ThrowsAsync<HubRefused>(() => late.JoinAsync(contest.JoinCode, "迟到"))).Message);
        await host.ControlAsync(HostMoves.End);
        Assert.Contains("contest_ended", (await Assert.ThrowsAsync<HubRefused>(() => late.JoinAsync(contest.JoinCode, "迟到"))).Message);
        Assert.Contains("unknown_code", (await Assert.ThrowsAsync<HubRefused>(() => late.JoinAsync("999999", "走错"))).Message);
        Assert.Contains("nickname", (await Assert.ThrowsAsync<HubRefused>(() => late.JoinAsync(contest.JoinCode, new string('长', 21)))).Message);
    }

    [Fact]
    public async Task A_question_closes_by_itself_when_its_time_is_up()
    {
        await using var game = await LiveGame.StartAsync(nameof(RoomLifecycleTests), new RoundRules { TimeLimitSeconds = 3 }, "q-single");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        await host.ControlAsync(HostMoves.Start);
        var opened = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        var closed = await host.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed), timeoutMs: 20_000);
        Assert.Equal(opened.Seq, closed.Seq);
        Assert.True(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() >= opened.ClosesAtMs);
    }
}
