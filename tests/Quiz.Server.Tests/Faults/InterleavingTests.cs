using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// A property over whole games: random interleavings of answers, resends, reconnections, second devices, node
/// switches, a node restart and store outages (a frozen and a restarted redis-server) against two real nodes, after
/// which every standing, board row and results.csv row must equal <see cref="Scoring.Replay"/> applied to the answers
/// the phones were told were accepted, and the audit (the same function applied to the stored log) finds nothing; in a
/// contest kept in one slot and in contests split over 3 and 4 shards. A failing seed replays the same interleaving.
/// </summary>
[Collection(Alone.Name)]
public sealed class InterleavingTests
{
    private const int Phones = 6;
    private const int StepsPerQuestion = 8;

    private static readonly RoundRules Rules = new()
    {
        TimeLimitSeconds = 60, Points = 100, SpeedWeighted = true, StreakBonus = 10, StreakCap = 3, WrongPenalty = 20,
        PartialCredit = PartialCredit.Proportional,
    };

    private static readonly ContestDefinition Oracle = new()
    {
        Id = "oracle",
        Title = "oracle",
        HostKeyHash = "",
        Rounds = [new ContestRound("r", Rules)],
        Questions = [.. SeededQuestions.All.Select((q, i) => new ContestQuestion(i, 0, q, [], ""))],
    };

    [RedisProcessTheory]
    [InlineData(20261207, 1)]
    [InlineData(42, 3)]
    [InlineData(7, 4)]
    public async Task Every_standing_board_row_and_result_equals_the_scoring_of_the_acknowledged_answers(int seed, int shards)
    {
        var random = new Random(seed);
        await using var redis = await RedisProcess.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(InterleavingTests)),
        };
        var nodes = new[] { LiveGame.Server(nameof(InterleavingTests), settings), LiveGame.Server(nameof(InterleavingTests), settings) };
        try
        {
            var questions = SeededQuestions.All;
            var contest = await LiveGame.CreateAsync(nodes[0], Rules, shards,
                new ContestGroups { Teams = ["队0", "队1"] }, [.. questions.Select(q => q.Id)]);
            var (host, _) = await LiveGame.HostAsync(nodes[0], contest);
            await using var _h = host;
            var phones = new List<Phone>();
            for (var i = 0; i < Phones; i++)
            {
                var phone = new Phone(i, i % 2);
                phone.Client = await LiveClient.ConnectAsync(nodes[phone.Node].BaseAddress, messagePack: i % 3 == 0);
                phone.Joined = await phone.Client.JoinAsync(contest.JoinCode, $"选手{i}", $"队{i % 2}", null, i % 3 == 0 ? "西湖区" : "滨江区");
                phones.Add(phone);
            }
            var opens = new long[questions.Count];
            for (var seq = 0; seq < questions.Count; seq++)
            {
                await Eventually(() => host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next));
                var s = seq;
                var view = await host.NextAsync<QuestionView>(nameof(IQuizClient.QuestionOpened), v => v.Seq == s);
                opens[seq] = view.OpensAtMs;
                await host.WaitForServerTimeAsync(view.OpensAtMs);
                for (var step = 0; step < StepsPerQuestion; step++)
                {
                    var phone = phones[random.Next(Phones)];
                    switch (random.Next(10))
                    {
                        case < 4:
                            await AnswerAsync(phone, seq, random, nodes);
                            break;
                        case 4:
                            await ReconnectAsync(phone, phone.Node, nodes, dropFirst: true);
                            await AnswerAsync(phone, seq, random, nodes);
                            break;
                        case 5: // a second device (on the other node) takes over; the first one is simply left behind
                            await ReconnectAsync(phone, 1 - phone.Node, nodes, dropFirst: false);
                            await AnswerAsync(phone, seq, random, nodes);
                            break;
                        case 6:
                            await ReconnectAsync(phone, 1 - phone.Node, nodes, dropFirst: true);
                            break;
                        case 7: // node 1 restarts: its phones lose their sockets, and the new node remembers nothing
                            await nodes[1].DisposeAsync();
                            nodes[1] = LiveGame.Server(nameof(InterleavingTests), settings);
                            phones.Where(p => p.Node == 1).ToList().ForEach(p => p.Client = null);
                            break;
                        default: // the store goes away while answers are on their way, then comes back
                            var busy = phones.OrderBy(_ => random.Next()).Take(2).ToList();
                            foreach (var p in busy)
                            {
                                await EnsureConnectedAsync(p, nodes);
                            }
                            var restart = random.Next(2) == 0;
                            if (!restart)
                            {
                                redis.Freeze();
                            }
                            var sends = busy.Select(p => AnswerAsync(p, seq, random, nodes)).ToList();
                            if (restart)
                            {
                                await redis.RestartAsync();
                            }
                            else
                            {
                                await Task.Delay(800); // the outage itself: how long the store stays frozen
                                redis.Thaw();
                            }
                            await Task.WhenAll(sends);
                            break;
                    }
                }
                await Eventually(() => host.ControlAsync(HostMoves.Close));
                await Eventually(() => host.ControlAsync(HostMoves.Reveal));
            }
            await Eventually(() => host.ControlAsync(HostMoves.End));

            var expected = phones.ToDictionary(p => p.Joined.ParticipantId, p => Scoring.Replay(Oracle,
                p.Acked.Select(a => new AnswerFact(a.Key, new Response(a.Value.Options ?? [], a.Value.Text), a.Value.ReceivedAtMs, opens[a.Key]))));
            await AssertEverySurfaceAsync(nodes, contest, phones, expected);
            foreach (var phone in phones.Where(p => p.Client is not null))
            {
                await phone.Client!.DisposeAsync();
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task AssertEverySurfaceAsync(QuizServer[] nodes, Core.Features.Contests.ContestCreated contest, List<Phone> phones,
        Dictionary<string, ParticipantScore> expected)
    {
        int RankOf(string id) => 1 + expected.Count(e => e.Value.Hundredths > expected[id].Hundredths
            || (e.Value.Hundredths == expected[id].Hundredths && e.Value.TimeMs < expected[id].TimeMs));
        var last = SeededQuestions.All.Count - 1;
        foreach (var phone in phones)
        {
            await ReconnectAsync(phone, phone.Index % 2, nodes, dropFirst: true);
            var standing = phone.LastSnapshot!.Standing!;
            var mine = expected[phone.Joined.ParticipantId];
            var final = mine.Answers.Where(a => a.Fact.Seq == last).Select(a => a.Score).Cast<ScoredAnswer?>().SingleOrDefault();
            Assert.Equal((mine.Points, RankOf(phone.Joined.ParticipantId), final is { Correct: true } f ? f.Streak : 0, final?.Points ?? 0),
                (standing.Score, standing.Rank, standing.Streak, standing.LastPoints));
        }
        using var http = nodes[1].CreateAnonymousClient();
        http.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
        var board = await http.GetFromJsonAsync<Leaderboard>($"/api/contests/{contest.ContestId}/board?top=100", QuizJson.Options);
        Assert.Equal(Phones, board!.Persons.Count);
        Assert.All(board.Persons, row => Assert.Equal((expected[row.Id].Points, expected[row.Id].TimeMs, RankOf(row.Id)), (row.Score, row.TimeMs, row.Rank)));
        var csv = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/contests/{contest.ContestId}/results.csv")).TrimStart('\uFEFF');
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Phones, rows.Count);
        Assert.All(rows, r =>
        {
            var id = r[7].Trim('"');
            Assert.Equal((RankOf(id), expected[id].Points, expected[id].TimeMs / 1000.0),
                (int.Parse(r[0], CultureInfo.InvariantCulture), double.Parse(r[5], CultureInfo.InvariantCulture), double.Parse(r[6], CultureInfo.InvariantCulture)));
        });
        var audit = await (await http.PostAsync($"/api/contests/{contest.ContestId}/audit", null)).Content.ReadFromJsonAsync<BoardAuditReport>(QuizJson.Options);
        Assert.Equal(expected.Values.Sum(e => e.Answers.Count), audit!.LoggedAnswers);
        Assert.Empty(audit.Differences);
    }

    /// <summary>Answers the question (the first time) or sends the same answer again (every other time), until it is acknowledged.</summary>
    private static async Task AnswerAsync(Phone phone, int seq, Random random, QuizServer[] nodes)
    {
        if (!phone.Sent.TryGetValue(seq, out var answer))
        {
            var (options, text) = Choose(SeededQuestions.All[seq], random.Next(4));
            answer = (Guid.NewGuid().ToString("N"), options, text);
            phone.Sent[seq] = answer;
        }
        for (var attempt = 0; ; attempt++)
        {
            await EnsureConnectedAsync(phone, nodes);
            try
            {
                var ack = await phone.Client!.AnswerAsync(seq, answer.Options, answer.Text, answer.Id);
                Assert.Equal(AckStatuses.Accepted, ack.Status);
                if (phone.Acked.TryGetValue(seq, out var first))
                {
                    Assert.Equal(first.ReceivedAtMs, ack.ReceivedAtMs); // the same answer, whatever resent it
                }
                phone.Acked[seq] = (answer.Options, answer.Text, ack.ReceivedAtMs);
                return;
            }
            catch (Exception ex) when (attempt < 40 && ex is HubRefused { Code: "unavailable" or "busy" or "superseded" } or InvalidOperationException or IOException or TaskCanceledException)
            {
                phone.Client = null; // as the page does: reconnect, rejoin, send again with the same id
                await Task.Delay(100);
            }
        }
    }

    private static async Task EnsureConnectedAsync(Phone phone, QuizServer[] nodes)
    {
        if (phone.Client is null)
        {
            await ReconnectAsync(phone, phone.Node, nodes, dropFirst: false);
        }
    }

    private static async Task ReconnectAsync(Phone phone, int node, QuizServer[] nodes, bool dropFirst)
    {
        if (dropFirst && phone.Client is not null)
        {
            await phone.Client.DisposeAsync();
        }
        phone.Node = node;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var client = await LiveClient.ConnectAsync(nodes[node].BaseAddress, messagePack: phone.Index % 3 == 0);
                var joined = await client.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(phone.Joined.ContestId, phone.Joined.Token));
                Assert.Equal(phone.Joined.ParticipantId, joined.ParticipantId);
                (phone.Client, phone.LastSnapshot) = (client, joined.Room);
                return;
            }
            catch (Exception ex) when (attempt < 40 && ex is HubRefused { Code: "unavailable" or "busy" } or InvalidOperationException or IOException or HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The host's move, again while the store is away (the console's button would be pressed again).</summary>
    private static async Task Eventually(Func<Task> move)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await move();
                return;
            }
            catch (HubRefused ex) when (attempt < 40 && ex.Code is "unavailable" or "busy")
            {
                await Task.Delay(100);
            }
        }
    }

    private static (int[]? Options, string? Text) Choose(Question question, int pick) => question.Type switch
    {
        QuestionType.Fill => (null, pick switch { 0 or 1 => SeededQuestions.SecretFill, _ => "铝合金" }),
        QuestionType.Multiple => (pick switch { 0 => [0, 1, 3], 1 => [0, 3], 2 => [0, 2], _ => [3] }, null),
        QuestionType.Ordering => (pick switch { 0 or 1 => [1, 2, 0, 3], 2 => [1, 2, 3, 0], _ => [0, 1, 2, 3] }, null),
        QuestionType.TrueFalse => ([pick % 2], null),
        _ => ([pick], null),
    };

    private sealed class Phone(int index, int node)
    {
        public int Index { get; } = index;

        public int Node { get; set; } = node;

        public LiveClient? Client { get; set; }

        public Joined Joined { get; set; } = null!;

        public RoomSnapshot? LastSnapshot { get; set; }

        public Dictionary<int, (string Id, int[]? Options, string? Text)> Sent { get; } = [];

        public Dictionary<int, (int[]? Options, string? Text, long ReceivedAtMs)> Acked { get; } = [];
    }
}

/// <summary>A theory that starts its own redis-server: skipped without one (except under CI) and in the embedded-Garnet run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisProcessTheoryAttribute : TheoryAttribute
{
    public RedisProcessTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("QUIZ_TEST_GARNET") == "1")
        {
            Skip = "Runs in the Redis run only (it freezes and restarts its own redis-server)";
        }
        else if (!ClusterFactAttribute.IsCi && Tool.Find("redis-server") is null)
        {
            Skip = "redis-server not found: install it with `sudo apt-get install redis-server`";
        }
    }
}
