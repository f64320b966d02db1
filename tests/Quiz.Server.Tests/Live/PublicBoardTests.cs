using System.Net.Http.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>
/// Nothing public tells right from wrong before the reveal: one phone per option answers, and every public surface
/// (the anonymous board, Watch, what a big screen receives, what the phones receive) is read between the opening and
/// the reveal; nothing differs by option. The host sees the live board.
/// </summary>
public sealed class PublicBoardTests
{
    [Fact]
    public async Task Between_the_opening_and_the_reveal_no_public_surface_differs_by_option()
    {
        await using var game = await LiveGame.StartAsync(nameof(PublicBoardTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single", "q-tf");
        var (server, contest) = (game.Server, game.Contest);
        var phones = new List<LiveClient>();
        for (var option = 0; option < 4; option++)
        {
            var phone = await LiveClient.ConnectAsync(server.BaseAddress, messagePack: option % 2 == 1);
            await phone.JoinAsync(contest.JoinCode, $"选{"ABCD"[option]}", district: "西湖区");
            phones.Add(phone);
        }
        await using var screen = await LiveClient.ConnectAsync(server.BaseAddress);
        await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, contest.JoinCode);
        using var anonymous = server.CreateAnonymousClient();
        using var host = server.CreateAnonymousClient();
        host.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
        var boardUrl = $"/api/contests/{contest.ContestId}/board";

        await game.Host.ControlAsync(HostMoves.Start);
        var view = await phones[0].NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await phones[0].WaitForServerTimeAsync(view.OpensAtMs);
        for (var option = 0; option < 4; option++)
        {
            Assert.Equal(AckStatuses.Accepted, (await phones[option].AnswerAsync(0, [option])).Status);
        }
        await AssertNothingTellsAsync(anonymous, boardUrl, screen, contest.JoinCode, phones);
        var live = await host.GetFromJsonAsync<Leaderboard>(boardUrl, QuizJson.Options);
        Assert.Equal(100, live!.Persons[0].Score); // the host sees the answers land

        await game.Host.ControlAsync(HostMoves.Close);
        await screen.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed));
        await AssertNothingTellsAsync(anonymous, boardUrl, screen, contest.JoinCode, phones);

        await game.Host.ControlAsync(HostMoves.Reveal);
        var standings = await Task.WhenAll(phones.Select(p => p.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), s => s.Seq == 0)));
        Assert.Equal([false, false, true, false], standings.Select(s => s.LastCorrect!.Value));
        var revealed = await anonymous.GetFromJsonAsync<Leaderboard>(boardUrl, QuizJson.Options);
        Assert.Equal(("选C", 100.0), (revealed!.Persons[0].Name, revealed.Persons[0].Score)); // public once revealed

        // The next question opens: the public board holds still at the last reveal while its answers come in.
        await game.Host.ControlAsync(HostMoves.Next);
        var next = await phones[0].NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), q => q.Seq == 1);
        await phones[0].WaitForServerTimeAsync(next.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await phones[0].AnswerAsync(1, [1])).Status); // right (错误): the live board moves, the public one must not
        var held = await anonymous.GetFromJsonAsync<Leaderboard>(boardUrl, QuizJson.Options);
        Assert.Equal(("选C", 100.0, 0.0), (held!.Persons[0].Name, held.Persons[0].Score, held.Persons.Single(p => p.Name == "选A").Score));
        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    private static async Task AssertNothingTellsAsync(HttpClient anonymous, string boardUrl, LiveClient screen, string joinCode, List<LiveClient> phones)
    {
        var board = await anonymous.GetFromJsonAsync<Leaderboard>(boardUrl, QuizJson.Options);
        Assert.Equal(4, board!.Participants);
        Assert.All(board.Persons, p => Assert.Equal((0.0, 0L, 1), (p.Score, p.TimeMs, p.Rank)));
        Assert.All(board.Districts, d => Assert.Equal(0, d.Total));
        var watched = await screen.Connection.CallAsync<RoomSnapshot>(HubMethods.Watch, joinCode);
        Assert.Null(watched.Standing);
        Assert.DoesNotContain(screen.Log, e => e.Event is nameof(IQuizClient.LeaderboardShown) or nameof(IQuizClient.StandingUpdated) or nameof(IQuizClient.AnswerRevealed));
        Assert.All(phones, p => Assert.DoesNotContain(p.Log, e => e.Event is nameof(IQuizClient.StandingUpdated) or nameof(IQuizClient.LeaderboardShown)));
    }
}
