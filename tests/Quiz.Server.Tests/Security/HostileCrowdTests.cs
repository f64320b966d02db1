using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Security;

/// <summary>
/// One attacker with the join code of one contest (and an organizer's login, for the uploads) beside a second contest
/// playing on the same node. Outcomes, not times: every attack refused with its code, every answer of the second
/// contest accepted and stored, nothing stored changed by the attacker.
/// </summary>
public sealed class HostileCrowdTests
{
    private const int Honest = 20;

    [Fact]
    public async Task Every_attack_is_refused_with_its_code_while_the_other_contest_plays_on_untouched()
    {
        await using var server = LiveGame.Server(nameof(HostileCrowdTests), new Dictionary<string, string?>
        {
            ["Quiz:Security:KnownProxies:0"] = "127.0.0.1", // each phone and the attacker are told apart by their forwarded address
            ["Quiz:Live:AddressJoinsPerSecond"] = "0.001", // an address has its burst of 200 and no refill while the test runs, however slowly
        });
        var played = await LiveGame.CreateAsync(server, new RoundRules { TimeLimitSeconds = 600 }, new ContestGroups { Teams = ["红队", "蓝队"] }, "q-single");
        var attacked = await LiveGame.CreateAsync(server, new RoundRules(), new ContestGroups { Teams = ["一队"] }, "q-single");
        var (host, _) = await LiveGame.HostAsync(server, played);
        await using var _h = host;
        using var admin = server.CreateHttpClient();
        var target = (await LiveGame.ImportBankAsync(server)).BankId;
        await admin.PostAsJsonAsync("/api/accounts", new { userName = "mole", password = "an insider's passphrase", roles = new[] { "organizer" } });
        using var mole = server.CreateHttpClient(server.Token("mole", "organizer"));
        var bankBefore = await admin.GetStringAsync($"/api/banks/{target}/export?format=json");
        var bombs = new (string Name, byte[] File, string Code)[]
        {
            ("tiny rows", HostileWorkbook.TinyRows(2_000_000), "sheet.limitRows"),
            ("giant cell", HostileWorkbook.GiantCell(50_000_000), "sheet.limitCell"),
            ("cell past the unpacked limit", HostileWorkbook.GiantCell(200_000_000), "sheet.limitUnpacked"),
            ("huge comment", HostileWorkbook.HugeComment(300_000_000), "sheet.limitUnpacked"),
        };

        var phones = await Task.WhenAll(Enumerable.Range(0, Honest).Select(async i =>
        {
            var phone = await LiveClient.ConnectAsync(server.BaseAddress, forwardedFor: $"198.51.100.{i + 1}");
            await phone.JoinAsync(played.JoinCode, $"选手{i}", team: i % 2 == 0 ? "红队" : "蓝队");
            return phone;
        }));
        var sockets = new ConcurrentBag<LiveClient>(phones);
        try
        {
            await host.ControlAsync(HostMoves.Start);
            var question = await phones[0].NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened));
            await phones[0].WaitForServerTimeAsync(question.OpensAtMs);

            var answers = Task.WhenAll(phones.Select(p => p.AnswerAsync(question.Seq, [question.Options[0].Id])));
            var attacks = Task.WhenAll(
                RefusedJoinsAsync(server, sockets, attacked.JoinCode, "203.0.113.66", Enumerable.Range(0, 30).Select(i => new JoinRequest(attacked.JoinCode, $"黑客{i}", Team: $"黑客队{i}"))),
                RefusedJoinsAsync(server, sockets, attacked.JoinCode, "203.0.113.68", new[] { "\u200B\u200B", "\u202E三张", "张\0三", "\u001B[31m红", "\u3164", "上城区\u200B" }
                    .Select(n => new JoinRequest(attacked.JoinCode, n))),
                FloodAsync(server, sockets, attacked.JoinCode),
                UploadsAsync(mole, target, bombs), // one after another: a node reads one import at a time (a second gets 429 upload.busy)
                Task.WhenAll(Enumerable.Range(0, 5).Select(async i => Assert.Contains("Connection closed with an error",
                    await HubFrameTests.SendUnknownFrameAsync(server.BaseAddress, i % 2 == 0 ? "json" : "messagepack"), StringComparison.Ordinal))));
            await attacks;

            Assert.All(await answers, ack => Assert.Equal(AckStatuses.Accepted, ack.Status));
            await host.ControlAsync(HostMoves.Close);
            await host.ControlAsync(HostMoves.Reveal);
            var reveal = await phones[0].NextAsync<AnswerReveal>(nameof(IQuizClient.AnswerRevealed));
            Assert.Equal(Honest, reveal.Answers); // every answer stored, and only theirs

            using var anonymous = server.CreateAnonymousClient();
            var board = await LiveGame.Read<Leaderboard>(await anonymous.GetAsync($"/api/contests/{played.ContestId}/board"));
            Assert.Equal(Honest, board.Participants);
            Assert.Equal(["红队", "蓝队"], board.Teams.Select(t => t.Name).Order());
            var attackedBoard = await LiveGame.Read<Leaderboard>(await anonymous.GetAsync($"/api/contests/{attacked.ContestId}/board"));
            Assert.InRange(attackedBoard.Participants, 1, 10); // one participant per flooding connection, no more
            Assert.Empty(attackedBoard.Teams);
            Assert.Equal(bankBefore, await admin.GetStringAsync($"/api/banks/{target}/export?format=json"));
            var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
            var keys = server.Services.GetRequiredService<RedisKeys>();
            foreach (var contest in new[] { played.ContestId, attacked.ContestId })
            {
                foreach (var dimension in new[] { "team", "unit", "district" })
                {
                    Assert.Equal(0, await db.SetLengthAsync(keys.GroupsFree(contest, dimension)) + await db.SetLengthAsync(keys.GroupsDeclared(contest, dimension)));
                }
            }
        }
        finally
        {
            foreach (var socket in sockets)
            {
                await socket.DisposeAsync();
            }
        }
    }

    /// <summary>Each join on its own connection from the attacker's address; every one refused as invalid (a field error).</summary>
    private static async Task RefusedJoinsAsync(QuizServer server, ConcurrentBag<LiveClient> sockets, string code, string address, IEnumerable<JoinRequest> joins) =>
        await Task.WhenAll(joins.Select(async join =>
        {
            var client = await LiveClient.ConnectAsync(server.BaseAddress, forwardedFor: address);
            sockets.Add(client);
            var refused = await Assert.ThrowsAsync<HubRefused>(() => client.Connection.CallAsync<Joined>(HubMethods.Join, join));
            Assert.Contains("invalid: ", refused.Message, StringComparison.Ordinal);
        }));

    /// <summary>
    /// Ten connections from one address, 30 joins each: a connection is one participant (a repeat is that same
    /// participant again), and past the address's budget (200 at once) every join is "busy".
    /// </summary>
    private static async Task FloodAsync(QuizServer server, ConcurrentBag<LiveClient> sockets, string code)
    {
        var busy = 0;
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async c =>
        {
            var client = await LiveClient.ConnectAsync(server.BaseAddress, forwardedFor: "203.0.113.67");
            sockets.Add(client);
            string? participant = null;
            for (var i = 0; i < 30; i++)
            {
                try
                {
                    var joined = await client.Connection.CallAsync<Joined>(HubMethods.Join, new JoinRequest(code, $"水军{c}-{i}"));
                    participant ??= joined.ParticipantId;
                    Assert.Equal(participant, joined.ParticipantId);
                }
                catch (HubException ex) when (ex.Message.Contains("busy: ", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref busy);
                }
            }
        }));
        Assert.Equal(300 - 200, busy);
    }

    private static async Task UploadsAsync(HttpClient organizer, string bankId, (string Name, byte[] File, string Code)[] bombs)
    {
        foreach (var bomb in bombs)
        {
            Assert.Equal(("413", bomb.Code), await UploadAsync(organizer, bankId, bomb.File, "xlsx"));
        }
        await UploadJunkTextAsync(organizer, bankId);
    }

    private static async Task UploadJunkTextAsync(HttpClient organizer, string bankId)
    {
        var junk = JsonSerializer.Serialize(new
        {
            questions = new[]
            {
                new { type = "single", stem = "\u202E？题干反转", options = new[] { "甲", "乙" }, answer = "A" },
                new { type = "single", stem = "题干\0含空字符", options = new[] { "\u200B", "乙" }, answer = "A" },
            },
        });
        using var content = new StringContent(junk, Encoding.UTF8, "application/json");
        var response = await organizer.PostAsync($"/api/banks/{bankId}/import?format=json", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"text.format\"", body, StringComparison.Ordinal);
        Assert.Contains("\"text.control\"", body, StringComparison.Ordinal);
    }

    /// <summary>The status and the first error's code of an import.</summary>
    private static async Task<(string Status, string Code)> UploadAsync(HttpClient organizer, string bankId, byte[] file, string format)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", $"bomb.{format}" } };
        var response = await organizer.PostAsync($"/api/banks/{bankId}/import", form);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            report.RootElement.GetProperty("errors")[0].GetProperty("code").GetString()!);
    }
}
