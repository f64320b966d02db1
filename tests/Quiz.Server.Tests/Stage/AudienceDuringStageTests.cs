using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Features.Live;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Support;
using Xunit.Abstractions;

namespace Quiz.Server.Tests.Stage;

/// <summary>
/// 1,000 audience phones (real SignalR clients) answer each buzz question while the six teams race for the buzzer and
/// the host judges: every audience answer is acknowledged and on the board, nothing is lost, and the stage scores are
/// exactly what the judged answers give.
/// </summary>
[Collection(Alone.Name)]
public sealed class AudienceDuringStageTests(ITestOutputHelper output)
{
    private const int Audience = 1_000;

    [Fact]
    public async Task A_thousand_audience_members_answer_while_the_teams_play()
    {
        var server = LiveGame.Server(nameof(AudienceDuringStageTests), new Dictionary<string, string?> { ["Quiz:Live:MaxJoinsPerSecond"] = "100000", ["Quiz:Live:AddressJoinBurst"] = "100000" });
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        string[] keys = ["q-single", "q-tf", "q-multi"];
        var buzz = new StageSegment { Kind = SegmentKind.Buzz, Points = 10, WrongDeduction = 10 };
        await using var game = await StageGame.CreateAsync(server, new CreateContest("知识竞赛（观众同步）",
            [new RoundSpec("抢答", new RoundRules { TimeLimitSeconds = 30, Points = 100 }, bankId, [.. keys.Select(k => ids[k])])],
            StageGame.SixTeams(buzz), Groups: new ContestGroups { Teams = [.. Enumerable.Range(0, 10).Select(i => $"观众队{i}")] }));

        var watch = Stopwatch.StartNew();
        var audience = new LiveClient[Audience];
        foreach (var batch in Enumerable.Range(0, Audience).Chunk(50))
        {
            await Task.WhenAll(batch.Select(async i =>
            {
                audience[i] = await LiveClient.ConnectAsync(server.BaseAddress, messagePack: i % 2 == 0);
                await audience[i].JoinAsync(game.Contest.JoinCode, $"观众{i:0000}", $"观众队{i % 10}");
            }));
        }
        output.WriteLine($"{Audience} audience joined in {watch.ElapsedMilliseconds} ms");
        try
        {
            for (var seq = 0; seq < keys.Length; seq++)
            {
                var opened = audience.Select(a => a.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == seq, 30_000)).ToArray();
                await game.OpenAsync(seq);
                var views = await Task.WhenAll(opened);
                await audience[0].WaitForServerTimeAsync(views[0].OpensAtMs);
                var question = SeededQuestions.All.Single(q => q.Key == keys[seq]);
                var answering = Task.WhenAll(audience.Select((a, i) =>
                {
                    var right = i % 3 != 0;
                    var options = right ? question.Answer.Options : [question.Answer.Options[0] == 0 ? 1 : 0];
                    return a.AnswerAsync(seq, options); // option ids, as the phone sends them
                }));
                // Meanwhile on stage: team seq+1 wins the buzz and is right.
                var won = await game.BuzzWinAsync(seq + 1);
                Assert.Equal(seq + 1, won.Turn);
                await game.JudgeAsync(true);
                var acks = await answering;
                Assert.All(acks, ack => Assert.Equal(AckStatuses.Accepted, ack.Status));
            }
            await game.Host.ControlAsync(HostMoves.Close);
            output.WriteLine($"3 questions with {Audience} answers each and a buzz race each: {watch.ElapsedMilliseconds} ms in all");

            var stage = await game.Host.Connection.CallAsync<StageView>(Quiz.Contracts.HubMethods.GetStage);
            Assert.Equal([100, 110, 110, 110, 100, 100], stage.Teams.Select(t => t.Score));
            using var http = server.CreateHttpClient();
            var audit = await (await http.PostAsync($"/api/contests/{game.Contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
            Assert.Equal(Audience * keys.Length, audit!.LoggedAnswers);
            Assert.Empty(audit.Differences);
            var board = await http.GetFromJsonAsync<Leaderboard>($"/api/contests/{game.Contest.ContestId}/board?top=10", QuizJson.Options);
            Assert.Equal(Audience, board!.Participants);
            Assert.Equal(300, board.Persons[0].Score); // two in three answered all three right
            Assert.Equal(10, board.Teams.Count); // the audience's own teams, apart from the stage teams
            // No question was revealed: no audience phone has learnt right from wrong while the teams answered aloud.
            Assert.All(audience, a => Assert.DoesNotContain(a.Log, e => e.Event == nameof(IQuizClient.StandingUpdated)));
        }
        finally
        {
            await Task.WhenAll(audience.Where(a => a is not null).Select(a => a.DisposeAsync().AsTask()));
        }
    }
}
