using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>
/// The join code is public, so most joins an attacker sends are refused: each comes back by its code with its field,
/// is counted by code at /metrics (quiz_joins_refused_total), and is returned as a value, never thrown (a refusal
/// thrown through the hub's async frames cost ten first-chance exceptions and ~18 KB of garbage each).
/// </summary>
public sealed class RefusedJoinTests
{
    [Fact]
    public async Task Refused_joins_come_back_by_code_are_counted_and_are_never_thrown()
    {
        // Process-wide, but only a join can throw from QuizHub.Join; any test's refused join counts, as it should.
        var thrown = new ConcurrentQueue<string>();
        void Watch(object? sender, FirstChanceExceptionEventArgs e)
        {
            if (e.Exception is DomainException or QuizValidationException
                && (e.Exception.StackTrace ?? "").Contains("QuizHub.Join(", StringComparison.Ordinal))
            {
                thrown.Enqueue($"{e.Exception.GetType().Name}: {e.Exception.Message}");
            }
        }
        AppDomain.CurrentDomain.FirstChanceException += Watch;
        try
        {
            await using var game = await LiveGame.StartAsync(nameof(RefusedJoinTests), new RoundRules(), "q-single");
            await using var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
            (string Code, string Nickname, string? Team, string Refused, string? Field)[] attempts =
            [
                (game.Contest.JoinCode, "张三", "不存在的队", HubErrors.Invalid, "team"),
                (game.Contest.JoinCode, "\u202E三张", null, HubErrors.Invalid, "nickname"),
                ("12ab", "张三", null, HubErrors.Invalid, "code"),
                (UnusedCode(game.Contest.JoinCode), "张三", null, "unknown_code", null),
            ];
            foreach (var (code, nickname, team, refused, field) in attempts)
            {
                var error = (await Assert.ThrowsAsync<HubRefused>(() => phone.JoinAsync(code, nickname, team))).Error;
                Assert.Equal(refused, error.Code);
                Assert.Equal(field, error.Errors?.Single().Field);
            }
            Assert.Equal("张三", (await phone.JoinAsync(game.Contest.JoinCode, "张三")).Nickname); // the connection is still good

            using var http = game.Server.CreateHttpClient();
            var counted = "";
            for (var i = 0; i < 100 && !(counted.Contains("invalid=3", StringComparison.Ordinal) && counted.Contains("unknown_code=1", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(100); // the exporter caches a scrape briefly
                counted = string.Join(" ", (await http.GetStringAsync("/metrics")).Split('\n')
                    .Where(line => line.StartsWith("quiz_joins_refused_total{", StringComparison.Ordinal))
                    .Select(line => $"{line[(line.IndexOf("code=\"", StringComparison.Ordinal) + 6)..].Split('"')[0]}={line[(line.LastIndexOf(' ') + 1)..]}"));
            }
            Assert.Contains("invalid=3", counted);
            Assert.Contains("unknown_code=1", counted);
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Watch;
        }
        Assert.Empty(thrown);
    }

    private static string UnusedCode(string taken) => taken == "000000" ? "000001" : "000000";
}
