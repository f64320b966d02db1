using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Features.Live;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Live;

/// <summary>
/// A whole game: 50 participants on real sockets (half JSON, half MessagePack) answer five questions of every type
/// with speed weighting, streaks, negative marking and partial credit. The server's final boards must match a
/// calculation made here, from the rules as documented, without the server's scoring code.
/// </summary>
public sealed class FullGameTests
{
    private const int Players = 50;
    private static readonly string[] Districts = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];
    private static readonly RoundRules Rules = new()
    {
        TimeLimitSeconds = 20, Points = 100, SpeedWeighted = true, StreakBonus = 10, StreakCap = 3, WrongPenalty = 20,
        PartialCredit = PartialCredit.Proportional,
    };

    [Fact]
    public async Task The_final_boards_match_an_independent_calculation()
    {
        await using var server = LiveGame.Server(nameof(FullGameTests));
        var questions = SeededQuestions.All;
        var groups = new ContestGroups { Teams = [.. Enumerable.Range(0, 5).Select(i => $"队{i}")], Units = [.. Enumerable.Range(0, 7).Select(i => $"单位{i}")] };
        var contest = await LiveGame.CreateAsync(server, Rules, groups, [.. questions.Select(q => q.Id)]);
        var (host, _) = await LiveGame.HostAsync(server, contest);
        await using var _h = host;
        var players = new List<(LiveClient Client, string District, string Team)>();
        for (var i = 0; i < Players; i++)
        {
            var client = await LiveClient.ConnectAsync(server.BaseAddress, messagePack: i % 2 == 1);
            var district = Districts[i % Districts.Length];
            var team = $"队{i % 5}";
            await client.JoinAsync(contest.JoinCode, $"选手{i:00}", team, $"单位{i % 7}", district);
            players.Add((client, district, team));
        }

        var random = new Random(20251128);
        var expected = new double[Players];
        var time = new long[Players];
        var streak = new int[Players];
        for (var seq = 0; seq < questions.Count; seq++)
        {
            await host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next);
            var views = await Task.WhenAll(players.Select(p => p.Client.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == seq)));
            await players[0].Client.WaitForServerTimeAsync(views[0].OpensAtMs);
            var plans = players.Select(_ => (Skip: random.NextDouble() < 0.1, Delay: random.Next(0, 400), Pick: random.Next(4))).ToArray();
            var acks = await Task.WhenAll(players.Select(async (p, i) =>
            {
                if (plans[i].Skip)
                {
                    return null;
                }
                await Task.Delay(plans[i].Delay);
                var (options, text) = Choose(questions[seq], plans[i].Pick);
                return await p.Client.AnswerAsync(seq, options, text);
            }));
            for (var i = 0; i < Players; i++)
            {
                var ack = acks[i];
                if (ack is null)
                {
                    streak[i] = 0;
                    continue;
                }
                Assert.Equal(AckStatuses.Accepted, ack.Status);
                var elapsed = Math.Clamp(ack.ReceivedAtMs - views[i].OpensAtMs, 0, Rules.TimeLimitSeconds * 1000L);
                var (options, text) = Choose(questions[seq], plans[i].Pick);
                expected[i] += Expected(questions[seq], options, text, elapsed, ref streak[i]);
                time[i] += elapsed;
            }
            await host.ControlAsync(HostMoves.Close);
            await host.ControlAsync(HostMoves.Reveal);
            var reveal = await host.NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed), r => r.Seq == seq);
            Assert.Equal(acks.Count(a => a is not null), reveal.Answers);
            await host.ControlAsync(HostMoves.Board);
        }
        await host.ControlAsync(HostMoves.End);

        var finals = await Task.WhenAll(players.Select(p => p.Client.NextAsync<Standing>(nameof(IQuizClient.StandingUpdated), s => s.Seq == questions.Count - 1 && s.Participants == Players, 15_000)));
        var board = await host.NextAsync<Leaderboard>(nameof(IQuizClient.LeaderboardShown), b => b.Seq == questions.Count - 1);
        var order = Enumerable.Range(0, Players)
            .OrderByDescending(i => Math.Round(expected[i], 2)).ThenBy(i => time[i]).ThenBy(i => players[i].Client.Joined!.ParticipantId, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < Players; i++)
        {
            Assert.Equal(Math.Round(expected[i], 2), finals[i].Score, 2);
            // Competition ranking: one more than everyone strictly ahead (more points, or as many in less time).
            Assert.Equal(1 + Enumerable.Range(0, Players).Count(j => Math.Round(expected[j], 2) > Math.Round(expected[i], 2)
                || (Math.Round(expected[j], 2) == Math.Round(expected[i], 2) && time[j] < time[i])), finals[i].Rank);
        }
        Assert.Equal(10, board.Persons.Count);
        for (var r = 0; r < board.Persons.Count; r++)
        {
            var i = order[r];
            Assert.Equal(players[i].Client.Joined!.ParticipantId, board.Persons[r].Id);
            Assert.Equal(time[i], board.Persons[r].TimeMs);
        }
        Assert.Equal(Districts.Length, board.Districts.Count);
        foreach (var row in board.Districts)
        {
            var members = Enumerable.Range(0, Players).Where(i => players[i].District == row.Name).ToArray();
            Assert.Equal(members.Length, row.Participants);
            // A mean is shown rounded to 2 places; a sum that lands on a half cent may round either way.
            Assert.InRange(row.MeanPerHead - (members.Sum(i => Math.Round(expected[i], 2)) / members.Length), -0.0051, 0.0051);
        }
        Assert.True(board.Districts.Zip(board.Districts.Skip(1)).All(p => p.First.MeanPerHead >= p.Second.MeanPerHead));

        await AuditAsync(server, contest, players[0].Client.Joined!.ParticipantId);
        Assert.All(players, p => NoKeyBeforeItsReveal(p.Client));

        foreach (var (client, _, _) in players)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>
    /// Every payload a phone received, in order: no question's salt (which goes out only with its key) appears before
    /// that question's reveal, and the fill-in key's text appears in nothing but its reveal.
    /// </summary>
    private static void NoKeyBeforeItsReveal(LiveClient client)
    {
        var log = client.Log;
        var reveals = log.Select((e, i) => (e, i)).Where(x => x.e.Event == nameof(IQuizClient.AnswerRevealed)).ToList();
        Assert.Equal(SeededQuestions.All.Count, reveals.Count);
        foreach (var (reveal, index) in reveals)
        {
            var salt = System.Text.Json.JsonDocument.Parse(reveal.Json).RootElement.GetProperty("Salt").GetString()!;
            Assert.DoesNotContain(log.Take(index), e => e.Json.Contains(salt, StringComparison.Ordinal));
        }
        Assert.All(log.Where(e => e.Event != nameof(IQuizClient.AnswerRevealed)), e => Assert.DoesNotContain(SeededQuestions.SecretFill, e.Json));
    }

    /// <summary>The log rebuilds the same boards; a tampered board is caught and repaired.</summary>
    private static async Task AuditAsync(QuizServer server, Core.Features.Contests.ContestCreated contest, string victim)
    {
        using var http = server.CreateAnonymousClient();
        http.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
        var clean = await (await http.PostAsync($"/api/contests/{contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Empty(clean!.Differences);
        Assert.Equal(Players, clean.Participants);

        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await db.SortedSetIncrementAsync(server.Services.GetRequiredService<RedisKeys>().Board(contest.ContestId), victim, 500 * 100 * 100_000_000.0);
        // The stored per-answer points are checked against the recomputation too (a wrong point written into the store).
        var answers = server.Services.GetRequiredService<RedisKeys>().Answers(contest.ContestId, 0);
        var stored = (await db.HashGetAllAsync(answers)).First();
        var parts = stored.Value.ToString().Split('|');
        parts[3] = (long.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await db.HashSetAsync(answers, stored.Name, string.Join('|', parts));
        var caught = await (await http.PostAsync($"/api/contests/{contest.ContestId}/audit?repair=true", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Equal(2, caught!.Differences.Count);
        var difference = caught.Differences.Single(d => d.Board == "person.points");
        Assert.Equal(victim, difference.Row);
        Assert.Equal(500, difference.Stored - difference.Recomputed, 2);
        var point = caught.Differences.Single(d => d.Board == "answer.stored");
        Assert.Equal(($"0:{stored.Name}", 0.01), (point.Row, Math.Round(point.Stored - point.Recomputed, 2)));
        Assert.True(caught.Repaired);
        var after = await (await http.PostAsync($"/api/contests/{contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Empty(after!.Differences);

        using var stranger = server.CreateAnonymousClient();
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await stranger.PostAsync($"/api/contests/{contest.ContestId}/audit", null)).StatusCode);
    }

    /// <summary>A varied answer: right, partly right, or wrong depending on <paramref name="pick"/>.</summary>
    private static (int[]? Options, string? Text) Choose(Question question, int pick) => question.Type switch
    {
        QuestionType.Fill => (null, pick switch { 0 or 1 => SeededQuestions.SecretFill, 2 => " 钛镍记忆合金 ", _ => "铝合金" }),
        QuestionType.Multiple => (pick switch { 0 => [0, 1, 3], 1 => [0, 3], 2 => [0, 2], _ => [3] }, null),
        QuestionType.Ordering => (pick switch { 0 or 1 => [1, 2, 0, 3], 2 => [1, 2, 3, 0], _ => [0, 1, 2, 3] }, null),
        QuestionType.TrueFalse => ([pick % 2], null),
        _ => ([pick], null),
    };

    /// <summary>
    /// The documented formula, written out again here on purpose: P × k/n × (2·limit − elapsed)/(2·limit), elapsed
    /// clamped to the limit, in hundredths rounded half away from zero (one exact division of integers), plus the
    /// streak bonus; −penalty when wrong.
    /// </summary>
    private static double Expected(Question question, int[]? options, string? text, long elapsed, ref int streak)
    {
        var key = question.Answer.Options;
        var (k, n) = question.Type switch
        {
            QuestionType.Fill => (text!.Trim() == SeededQuestions.SecretFill ? 1 : 0, 1),
            QuestionType.Multiple => (options!.All(key.Contains) ? options!.Length : 0, key.Count),
            QuestionType.Ordering => (options!.Where((o, i) => key[i] == o).Count(), key.Count),
            _ => (options![0] == key[0] ? 1 : 0, 1),
        };
        if (k == 0)
        {
            streak = 0;
            return -Rules.WrongPenalty;
        }
        var limit = Rules.TimeLimitSeconds * 1000L;
        var hundredths = Math.Round(100m * Rules.Points * k * ((2 * limit) - Math.Min(elapsed, limit)) / (n * 2m * limit), MidpointRounding.AwayFromZero);
        if (k == n)
        {
            streak++;
            hundredths += 100 * Rules.StreakBonus * Math.Min(streak - 1, Rules.StreakCap);
        }
        else
        {
            streak = 0;
        }
        return (double)hundredths / 100;
    }
}
