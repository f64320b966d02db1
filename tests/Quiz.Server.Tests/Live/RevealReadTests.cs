using System.Net;
using System.Net.Http.Json;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>A page reloaded after the reveal reads the key and spread again; before the reveal nobody can.</summary>
public sealed class RevealReadTests
{
    [Fact]
    public async Task The_reveal_is_readable_only_after_the_host_reveals()
    {
        await using var game = await LiveGame.StartAsync(nameof(RevealReadTests), new RoundRules { TimeLimitSeconds = 30 }, "q-single");
        await using var player = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await player.JoinAsync(game.Contest.JoinCode, "张三");
        using var http = game.Server.CreateAnonymousClient();
        var url = $"/api/contests/{game.Contest.ContestId}/questions/0/reveal";

        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(url)).StatusCode);
        await game.Host.ControlAsync(HostMoves.Start);
        var view = await player.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await player.WaitForServerTimeAsync(view.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await player.AnswerAsync(0, [2])).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(url)).StatusCode);
        await game.Host.ControlAsync(HostMoves.Close);
        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync(url)).StatusCode);

        await game.Host.ControlAsync(HostMoves.Reveal);
        var reveal = await http.GetFromJsonAsync<AnswerReveal>(url, QuizJson.Options);
        Assert.NotNull(reveal);
        Assert.Equal(1, reveal.Answers);
        Assert.Equal(1, reveal.Correct);
        Assert.Equal([2], reveal.Options);
        Assert.Equal(HttpStatusCode.Conflict, (await http.GetAsync($"/api/contests/{game.Contest.ContestId}/questions/7/reveal")).StatusCode);
    }
}
