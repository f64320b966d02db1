using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

public sealed class AnswerTests
{
    [Fact]
    public async Task Retries_duplicates_late_and_malformed_answers_are_told_apart()
    {
        await using var game = await LiveGame.StartAsync(nameof(AnswerTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single", "q-multi");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        await using var player = await LiveClient.ConnectAsync(server.BaseAddress);
        await player.JoinAsync(contest.JoinCode, "老张");

        Assert.Contains("not_joined", (await Assert.ThrowsAsync<HubRefused>(async () =>
        {
            await using var stranger = await LiveClient.ConnectAsync(server.BaseAddress);
            await stranger.AnswerAsync(0, [2]);
        })).Message);

        await host.ControlAsync(HostMoves.Start);
        var q = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        Assert.Equal(AckStatuses.Invalid, (await player.AnswerAsync(1, [0])).Status); // the next question is not open
        await player.WaitForServerTimeAsync(q.OpensAtMs);

        Assert.Equal(AckStatuses.Invalid, (await player.AnswerAsync(0, [7])).Status);
        Assert.Equal(AckStatuses.Invalid, (await player.AnswerAsync(0, [0, 1])).Status);
        var first = await player.AnswerAsync(0, [2], answerId: "a-1");
        Assert.Equal(AckStatuses.Accepted, first.Status);
        Assert.Equal(AckStatuses.Accepted, (await player.AnswerAsync(0, [2], answerId: "a-1")).Status); // a retry
        var again = await player.AnswerAsync(0, [1], answerId: "a-2");
        Assert.Equal(AckStatuses.Duplicate, again.Status);

        await host.ControlAsync(HostMoves.Close);
        await Task.Delay((int)RoomMachine.GraceMs + 100);
        await using var latecomer = await LiveClient.ConnectAsync(server.BaseAddress);
        await latecomer.JoinAsync(contest.JoinCode, "迟到者");
        Assert.Equal(AckStatuses.Late, (await latecomer.AnswerAsync(0, [2])).Status);

        await host.ControlAsync(HostMoves.Reveal);
        var reveal = await player.NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed));
        Assert.Equal(1, reveal.Answers); // the retry and the duplicate stored nothing
        Assert.Equal(1, reveal.Correct);
        Assert.Equal(1, reveal.Distribution["2"]);
    }

    [Fact]
    public async Task The_key_is_committed_at_open_and_revealed_only_after_the_close()
    {
        await using var game = await LiveGame.StartAsync(nameof(AnswerTests), new RoundRules { TimeLimitSeconds = 30 }, "q-fill", "q-order");
        var (server, contest, host) = (game.Server, game.Contest, game.Host);
        await using var player = await LiveClient.ConnectAsync(server.BaseAddress);
        await player.JoinAsync(contest.JoinCode, "小李");

        await host.ControlAsync(HostMoves.Start);
        var opened = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await player.WaitForServerTimeAsync(opened.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await player.AnswerAsync(0, text: "  钛镍记忆合金 ")).Status);
        await host.ControlAsync(HostMoves.Close);
        await host.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed));
        await player.NextAsync<QuestionClosed>(nameof(IQuizClient.QuestionClosed)); // phones hear of the close; their standings wait for the reveal

        // Everything the phone received before the reveal: no key text, no salt.
        var beforeReveal = string.Join("\n", player.Log.Select(e => e.Json));
        Assert.DoesNotContain(SeededQuestions.SecretFill, beforeReveal);
        await Assert.ThrowsAsync<HubException>(async () => await host.Connection.InvokeAsync<object>("GetAnswerReveal", 0));

        await host.ControlAsync(HostMoves.Reveal);
        var reveal = await player.NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed));
        Assert.DoesNotContain(reveal.Salt, beforeReveal);
        var recomputed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{reveal.Salt}|{string.Join('|', reveal.Accepted)}")));
        Assert.Equal(opened.KeyHash, recomputed);
        Assert.Equal(reveal.KeyHash, recomputed);
        Assert.Equal(1, reveal.Correct);

        // The ordering question's items are shown shuffled, never in the answer's order.
        await host.ControlAsync(HostMoves.Next);
        var order = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), q => q.Seq == 1);
        Assert.NotEqual(new[] { 1, 2, 0, 3 }, order.Options.Select(o => o.Id).ToArray());
    }
}
