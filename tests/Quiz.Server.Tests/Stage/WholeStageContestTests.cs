using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Stage;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Stage;

/// <summary>
/// The shipped template (6 teams of 3) on the sample bank, played from the first 必答 question to the tie-break over
/// real sockets: judged answers (some by a judge's account), early buzzes, a rebound, wagers in order of standing, a
/// correction with its reason, and a tie at the top settled by sudden death. Scores are worked out here by hand.
/// </summary>
public sealed class WholeStageContestTests
{
    [Fact]
    public async Task The_cadres_template_plays_from_start_to_tie_break_with_judged_answers()
    {
        var server = StageGame.ServerWithSampleBank(nameof(WholeStageContestTests));
        var template = await StageGame.TemplateAsync(server, StageTemplates.Cadres);
        await using var game = await StageGame.CreateAsync(server, template);
        Assert.Equal(6 + 18 + 20 + 6 + 3, game.Contest.Questions);

        await using var judge = await JudgeAsync(server, game);
        await using var screen = await LiveClient.ConnectAsync(server.BaseAddress);
        await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, game.Contest.JoinCode);
        var first = await screen.Connection.CallAsync<StageView>(HubMethods.GetStage);
        Assert.Equal([100, 100, 100, 100, 100, 100], first.Teams.Select(t => t.Score));
        await Assert.ThrowsAsync<HubRefused>(() => judge.ControlAsync(HostMoves.Start)); // a judge does not move the room

        var seq = 0;
        // 必答一: one question per team, all right (+10 each); the judge marks every other one.
        for (var q = 0; q < 6; q++, seq++)
        {
            var view = await game.OpenAsync(seq);
            Assert.Equal(("required", StagePhases.Answering, q), (view.Segment, view.Phase, view.Turn));
            await (q % 2 == 0 ? game.Host : judge).StageAsync(new StageRequest(StageMoves.Judge, Correct: true));
        }
        // 必答二: one question per member (team by team, then each team's next member), all right: +30 each.
        for (var q = 0; q < 18; q++, seq++)
        {
            var view = await game.OpenAsync(seq);
            Assert.Equal((q % 6, $"{(q % 6) + 1}号队{(q / 6) + 1}号选手"), (view.Turn, view.Member));
            await game.JudgeAsync(true);
        }
        var corrected = await judge.StageAsync(new StageRequest(StageMoves.Correct, Team: 4, Value: 5, Reason: "评委复核：第24题补充回答完整"));
        Assert.Equal(145, corrected.Teams[4].Score);
        await judge.StageAsync(new StageRequest(StageMoves.Correct, Team: 4, Value: -5, Reason: "撤销上一次更正：补充回答超时"));
        await Assert.ThrowsAsync<HubRefused>(() => judge.StageAsync(new StageRequest(StageMoves.Correct, Team: 4, Value: 5))); // no reason
        await Assert.ThrowsAsync<HubRefused>(() => judge.StageAsync(new StageRequest(StageMoves.Arm))); // judges only judge

        // 抢答: teams 0 and 1 alternate; team 2 buzzes early twice (-10, then -20); on the third, team 0 is wrong (-10)
        // and team 1 takes the rebound (+10).
        for (var q = 0; q < 20; q++, seq++)
        {
            var view = await game.OpenAsync(seq);
            Assert.Equal((SegmentKind.Buzz.ToString().ToLowerInvariant(), StagePhases.Ready), (view.Segment, view.Phase));
            if (q < 2)
            {
                var early = await game.Seats[2].BuzzAsync();
                Assert.Equal((BuzzStatuses.Early, q == 0 ? 10 : 20), (early.Status, early.Penalty));
            }
            var answering = await game.BuzzWinAsync(q % 2);
            Assert.Equal(q % 2, answering.Turn);
            if (q == 2)
            {
                var rebound = await game.JudgeAsync(false);
                Assert.Equal(StagePhases.Armed, rebound.Phase);
                Assert.Equal(BuzzStatuses.NotEligible, (await game.Seats[0].BuzzAsync()).Status);
                Assert.Equal(BuzzStatuses.Accepted, (await game.Seats[1].BuzzAsync()).Status);
                await game.Host.NextStageAsync(v => v.Seq == rebound.Seq && v.Phase == StagePhases.Answering && v.Turn == 1);
            }
            var done = await game.JudgeAsync(true);
            Assert.Equal(StagePhases.Done, done.Phase);
        }
        var afterBuzz = await game.Host.Connection.CallAsync<StageView>(HubMethods.GetStage);
        Assert.Equal([220, 250, 110, 140, 140, 140], afterBuzz.Teams.Select(t => t.Score));

        // 风险: in order of standing when the round begins: T1 250, T0 220, T3, T4, T5 (140, by team order), T2 110.
        int[] order = [1, 0, 3, 4, 5, 2];
        (int Stake, bool Right)[] plays = [(30, false), (0, false), (20, true), (0, false), (10, false), (30, true)];
        for (var q = 0; q < 6; q++, seq++)
        {
            var view = await game.OpenAsync(seq);
            Assert.Equal((StagePhases.Wagering, order[q]), (view.Phase, view.Turn));
            Assert.Equal([10, 20, 30], view.WagerValues);
            var staked = await game.Host.StageAsync(new StageRequest(StageMoves.Wager, Team: order[q], Value: plays[q].Stake));
            if (plays[q].Stake > 0)
            {
                Assert.Equal(StagePhases.Answering, staked.Phase);
                await game.JudgeAsync(plays[q].Right);
            }
        }
        // 加赛: T0 and T1 are tied at 220. T1 buzzes first and is wrong (-10); T0 takes it and wins (+10).
        var tiebreak = await game.OpenAsync(seq);
        Assert.Equal([0, 1], tiebreak.Order);
        Assert.Equal(StagePhases.Ready, tiebreak.Phase);
        await game.Host.StageAsync(new StageRequest(StageMoves.Arm));
        Assert.Equal(BuzzStatuses.NotEligible, (await game.Seats[3].BuzzAsync()).Status);
        Assert.Equal(BuzzStatuses.Accepted, (await game.Seats[1].BuzzAsync()).Status);
        await game.Host.NextStageAsync(v => v.Seq == seq && v.Phase == StagePhases.Answering && v.Turn == 1);
        await game.JudgeAsync(false);
        Assert.Equal(BuzzStatuses.Accepted, (await game.Seats[0].BuzzAsync()).Status);
        await game.Host.NextStageAsync(v => v.Seq == seq && v.Phase == StagePhases.Answering && v.Turn == 0);
        var decided = await game.JudgeAsync(true);
        Assert.Equal(0, decided.Winner);
        var idle = await game.OpenAsync(++seq);
        Assert.Equal(StagePhases.Idle, idle.Phase); // decided: the last questions are the audience's

        int[] expected = [230, 210, 140, 160, 140, 130];
        Assert.Equal(expected, decided.Teams.Select(t => t.Score));
        Assert.Equal([1, 2, 4, 3, 4, 6], decided.Teams.Select(t => t.Rank)); // equal scores share a rank
        var screenSaw = await screen.NextStageAsync(v => v.Version == decided.Version);
        Assert.Equal(expected, screenSaw.Teams.Select(t => t.Score));
        var seatSaw = await game.Seats[5].NextStageAsync(v => v.Version == decided.Version);
        Assert.Equal(expected, seatSaw.Teams.Select(t => t.Score));

        // The contest log keeps every stage change, corrections with who, when and why.
        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var log = (await db.ListRangeAsync(server.Services.GetRequiredService<RedisKeys>().Log(game.Contest.ContestId)))
            .Select(l => JsonDocument.Parse(l.ToString()).RootElement).Where(e => e.GetProperty("t").GetString() == "stage").ToList();
        var logged = log.Where(e => e.GetProperty("move").GetString() == StageMoves.Correct).ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, c => Assert.Equal("account:judge.wang", c.GetProperty("by").GetString()));
        Assert.Equal("评委复核：第24题补充回答完整", logged[0].GetProperty("reason").GetString());
        Assert.True(logged[0].GetProperty("at").GetInt64() > 0);
        Assert.Equal(2, log.Count(e => e.GetProperty("outcome").GetString() == BuzzStatuses.Early));

        // And the audit log: the judge's corrections with their reasons and the scores before and after; room moves
        // keep their own before and after (the stage entering the question does not overwrite them).
        using var admin = server.CreateHttpClient();
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=500");
        var corrections = audit!.Where(e => e.GetProperty("action").GetString() == "MoveStage" && e.GetProperty("input").GetProperty("move").GetString() == "correct").ToList();
        Assert.Equal(["refused: invalid", "done", "done"], corrections.Select(e => e.GetProperty("outcome").GetString())); // newest first
        var correction = corrections[1];
        Assert.Equal("judge.wang", correction.GetProperty("actor").GetString());
        Assert.Equal("撤销上一次更正：补充回答超时", correction.GetProperty("input").GetProperty("reason").GetString());
        Assert.Equal((145, 140), (correction.GetProperty("before").GetProperty("scores")[4].GetInt32(), correction.GetProperty("after").GetProperty("scores")[4].GetInt32()));
        var next = audit!.First(e => e.GetProperty("action").GetString() == "MoveRoom" && e.GetProperty("input").GetProperty("move").GetString() == "next");
        Assert.Equal("open", next.GetProperty("after").GetProperty("status").GetString());
    }

    private static async Task<LiveClient> JudgeAsync(QuizServer server, StageGame game)
    {
        using var http = server.CreateHttpClient();
        var created = await http.PostAsync("/api/accounts", System.Net.Http.Json.JsonContent.Create(
            new { userName = "judge.wang", password = "a judge's long passphrase 42", roles = new[] { "judge" } }));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var judge = await LiveClient.ConnectAsync(server.BaseAddress, accessToken: server.Token("judge.wang", "judge"));
        await judge.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(game.Contest.ContestId, ""));
        return judge;
    }
}
