using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>
/// The same score under any resend or reconnection: an answer id seen again changes nothing anywhere, and a node's
/// memory of a streak may cache the score but never decide it (docs/protocol.md, "Answers" and "Scoring").
/// </summary>
public sealed class IntegrityTests
{
    private static readonly RoundRules Rules = new() { TimeLimitSeconds = 30, Points = 100, StreakBonus = 10, StreakCap = 5 };

    /// <summary>The right answer to each of q-single, q-tf, q-multi.</summary>
    private static readonly int[][] Right = [[2], [1], [0, 1, 3]];

    [Fact]
    public async Task A_resent_answer_changes_nothing_anywhere_and_its_ack_carries_the_stored_arrival()
    {
        await using var game = await LiveGame.StartAsync(nameof(IntegrityTests), Rules, "q-single", "q-tf", "q-multi");
        var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var joined = await phone.JoinAsync(game.Contest.JoinCode, "连对王");
        for (var seq = 0; seq < 3; seq++)
        {
            await game.Host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next);
            var view = await phone.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == seq);
            await phone.WaitForServerTimeAsync(view.OpensAtMs);
            var first = await phone.AnswerAsync(seq, Right[seq], answerId: $"a{seq}");
            var again = await phone.AnswerAsync(seq, Right[seq], answerId: $"a{seq}");
            Assert.Equal((AckStatuses.Accepted, first.ReceivedAtMs), (again.Status, again.ReceivedAtMs));
            // What the phone page does after every reconnection: Rejoin, then send again what it had sent.
            await phone.DisposeAsync();
            phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
            await phone.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(joined.ContestId, joined.Token));
            var resent = await phone.AnswerAsync(seq, Right[seq], answerId: $"a{seq}");
            Assert.Equal((AckStatuses.Accepted, first.ReceivedAtMs), (resent.Status, resent.ReceivedAtMs));
            await game.Host.ControlAsync(HostMoves.Close);
            var late = await phone.AnswerAsync(seq, Right[seq], answerId: $"a{seq}"); // after the close: still that answer
            Assert.Equal((AckStatuses.Accepted, first.ReceivedAtMs), (late.Status, late.ReceivedAtMs));
            await game.Host.ControlAsync(HostMoves.Reveal);
        }
        await game.Host.ControlAsync(HostMoves.End);
        var final = await phone.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), s => s.Seq == 2);
        Assert.Equal((330.0, 3, 120.0), (final.Score, final.Streak, final.LastPoints)); // 100 + 110 + 120
        await AssertEverywhereAsync(game, joined.ParticipantId, 330);
        await phone.DisposeAsync();
    }

    [Fact]
    public async Task A_node_that_forgot_a_streak_scores_from_the_store_not_from_its_memory()
    {
        await using var game = await LiveGame.StartAsync(nameof(IntegrityTests), Rules, "q-single", "q-tf");
        await using var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var joined = await phone.JoinAsync(game.Contest.JoinCode, "健忘的节点");
        var rooms = game.Server.Services.GetRequiredService<LiveRooms>();
        for (var seq = 0; seq < 2; seq++)
        {
            await game.Host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next);
            var view = await phone.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == seq);
            await phone.WaitForServerTimeAsync(view.OpensAtMs);
            rooms.RememberProgress(joined.ContestId, joined.ParticipantId, Progress.None); // this node now believes there is no streak
            Assert.Equal(AckStatuses.Accepted, (await phone.AnswerAsync(seq, Right[seq])).Status);
            await game.Host.ControlAsync(HostMoves.Close);
            await game.Host.ControlAsync(HostMoves.Reveal);
        }
        var standing = await phone.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), s => s.Seq == 1);
        Assert.Equal((210.0, 2), (standing.Score, standing.Streak));
        await AssertEverywhereAsync(game, joined.ParticipantId, 210);
    }

    /// <summary>The live board, the results export and the audit's recomputation all agree on the participant's score.</summary>
    private static async Task AssertEverywhereAsync(LiveSetup game, string participantId, double score)
    {
        using var http = game.Server.CreateAnonymousClient();
        http.DefaultRequestHeaders.Add("X-Host-Key", game.Contest.HostKey);
        var board = await http.GetFromJsonAsync<Leaderboard>($"/api/contests/{game.Contest.ContestId}/board", QuizJson.Options);
        Assert.Equal(score, board!.Persons.Single(p => p.Id == participantId).Score);
        var csv = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/contests/{game.Contest.ContestId}/results.csv"));
        Assert.Contains(csv.Split("\r\n"), line => line.EndsWith($"\"{participantId}\"", StringComparison.Ordinal)
            && line.Contains($",{score.ToString(System.Globalization.CultureInfo.InvariantCulture)},", StringComparison.Ordinal));
        var audit = await (await http.PostAsync($"/api/contests/{game.Contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Empty(audit!.Differences);
    }
}
