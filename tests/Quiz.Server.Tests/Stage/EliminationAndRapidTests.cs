using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Stage;

/// <summary>一站到底 then 限时速答 over real sockets: turns go round the teams still in, the last one standing wins, each rapid block has its own clock.</summary>
public sealed class EliminationAndRapidTests
{
    [Fact]
    public async Task The_last_team_standing_wins_and_rapid_fire_rotates_by_block()
    {
        var server = LiveGame.Server(nameof(EliminationAndRapidTests));
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        string[] keys = ["q-single", "q-multi", "q-tf", "q-fill", "q-order"];
        RoundSpec Round(string title) => new(title, new RoundRules { TimeLimitSeconds = 60 }, bankId, [.. keys.Select(k => ids[k])]);
        await using var game = await StageGame.CreateAsync(server, new CreateContest("一站到底与限时速答", [Round("一站到底"), Round("限时速答")],
            StageGame.SixTeams(
                new StageSegment { Kind = SegmentKind.Elimination, Points = 10, Lives = 1 },
                new StageSegment { Kind = SegmentKind.Rapid, Points = 10, QuestionsPerTeam = 2, TeamSeconds = 60 })));

        for (var seq = 0; seq < 5; seq++)
        {
            var view = await game.OpenAsync(seq);
            Assert.Equal(("elimination", seq), (view.Segment, view.Turn));
            var judged = await game.JudgeAsync(false);
            Assert.True(judged.Teams[seq].Out);
        }
        var last = await game.Host.Connection.CallAsync<StageView>(HubMethods.GetStage);
        Assert.Equal(5, last.Winner);

        for (var q = 0; q < 5; q++)
        {
            var view = await game.OpenAsync(5 + q);
            Assert.Equal(("rapid", q / 2, StagePhases.Answering), (view.Segment, view.Turn, view.Phase));
            Assert.False(view.Teams[0].Out); // a new segment: everyone is back in
            Assert.True(view.TurnEndsAtMs > view.ServerTimeMs);
            await game.JudgeAsync(true);
        }
        var end = await game.Host.Connection.CallAsync<StageView>(HubMethods.GetStage);
        Assert.Equal([120, 120, 110, 100, 100, 100], end.Teams.Select(t => t.Score));
    }
}
