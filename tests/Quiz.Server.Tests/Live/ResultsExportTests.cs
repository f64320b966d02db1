using System.Net;
using System.Text;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>The organizer's result export: the whole board with profiles, ranked as on screen, behind the host key.</summary>
public sealed class ResultsExportTests
{
    [Fact]
    public async Task Results_csv_lists_everyone_ranked_with_profiles_and_needs_the_host_key()
    {
        await using var game = await LiveGame.StartAsync(nameof(ResultsExportTests), new RoundRules { TimeLimitSeconds = 30 },
            new ContestGroups { Teams = ["红队", "蓝队"], Units = ["市科协", "区图书馆"] }, "q-single");
        await using var right = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await using var wrong = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await using var idle = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await right.JoinAsync(game.Contest.JoinCode, "=张三", "红队", "市科协", "西湖区");
        await wrong.JoinAsync(game.Contest.JoinCode, "李四", "蓝队", "区图书馆", "滨江区");
        await idle.JoinAsync(game.Contest.JoinCode, "王\"五\"");

        await game.Host.ControlAsync(HostMoves.Start);
        var view = await right.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
        await right.WaitForServerTimeAsync(view.OpensAtMs);
        Assert.Equal(AckStatuses.Accepted, (await right.AnswerAsync(0, [2])).Status);
        Assert.Equal(AckStatuses.Accepted, (await wrong.AnswerAsync(0, [0])).Status);
        await game.Host.ControlAsync(HostMoves.Close);

        using var http = game.Server.CreateAnonymousClient();
        var url = $"/api/contests/{game.Contest.ContestId}/results.csv";
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url)).StatusCode); // no login, no key

        http.DefaultRequestHeaders.Add("X-Host-Key", game.Contest.HostKey);
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("名次,昵称,队伍,单位,区县,得分,用时(秒),参赛者编号", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("1,\"'=张三\",\"红队\",\"市科协\",\"西湖区\",100,", lines[1], StringComparison.Ordinal);
        Assert.Contains($"\"{right.Joined!.ParticipantId}\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"王\"\"五\"\"\",\"\",\"\",\"\",0,0,", string.Join('\n', lines[2..]), StringComparison.Ordinal);
        Assert.Contains("\"李四\",\"蓝队\",\"区图书馆\",\"滨江区\",0,", string.Join('\n', lines[2..]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/contests/nope/results.csv")).StatusCode);
    }
}
