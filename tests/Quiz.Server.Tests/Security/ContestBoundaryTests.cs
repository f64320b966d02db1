using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Stage;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>What a connection proved for one contest does not follow it into another on the same connection.</summary>
public sealed class ContestBoundaryTests
{
    [Fact]
    public async Task A_host_of_one_contest_who_watches_another_cannot_move_or_stage_it()
    {
        await using var game = await LiveGame.StartAsync(nameof(ContestBoundaryTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        var other = await LiveGame.CreateAsync(game.Server, new RoundRules { TimeLimitSeconds = 30 }, "q-single");

        await game.Host.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, other.JoinCode);

        var control = await Assert.ThrowsAsync<HubRefused>(() => game.Host.ControlAsync(HostMoves.Start));
        Assert.Contains("forbidden", control.Message);
        var stage = await Assert.ThrowsAsync<HubRefused>(() => game.Host.StageAsync(new StageRequest(StageMoves.Arm)));
        Assert.Contains("forbidden", stage.Message);
        var seats = await Assert.ThrowsAsync<HubRefused>(() => game.Host.Connection.CallAsync<IReadOnlyList<StageSeat>>(HubMethods.StageSeats));
        Assert.Contains("forbidden", seats.Message);
    }

    [Fact]
    public async Task A_participant_who_moves_to_another_contest_hears_nothing_more_from_the_first()
    {
        await using var game = await LiveGame.StartAsync(nameof(ContestBoundaryTests) + "-move", new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        var other = await LiveGame.CreateAsync(game.Server, new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        await using var stays = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await using var moves = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await stays.JoinAsync(game.Contest.JoinCode, "留下");
        await moves.JoinAsync(game.Contest.JoinCode, "离开");
        await moves.JoinAsync(other.JoinCode, "离开");

        await game.Host.ControlAsync(HostMoves.Start);
        await stays.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await game.Host.ControlAsync(HostMoves.Close);
        await game.Host.ControlAsync(HostMoves.Reveal);
        await stays.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated));
        await Task.Delay(500); // sends to one contest's phones go out together; give a stray one time to arrive
        Assert.DoesNotContain(moves.Log, e => e.Event is nameof(IQuizClient.QuestionOpened) or nameof(IQuizClient.StandingUpdated)
            or nameof(IQuizClient.QuestionClosed) or nameof(IQuizClient.AnswerRevealed));
    }

    [Fact]
    public async Task A_seat_of_one_contest_that_joins_another_cannot_buzz_there()
    {
        var server = StageGame.ServerWithSampleBank(nameof(ContestBoundaryTests));
        var template = await StageGame.TemplateAsync(server, StageTemplates.Cadres);
        await using var game = await StageGame.CreateAsync(server, template);
        using var http = server.CreateHttpClient();
        var other = await LiveGame.Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests", template, QuizJson.Options));

        var seat = game.Seats[0];
        await seat.JoinAsync(other.JoinCode, "旁观者");

        var buzz = await Assert.ThrowsAsync<HubRefused>(seat.BuzzAsync);
        Assert.Contains("not_seated", buzz.Message);
    }
}
