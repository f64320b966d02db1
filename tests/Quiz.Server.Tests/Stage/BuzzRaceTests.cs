using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Support;
using Xunit.Abstractions;

namespace Quiz.Server.Tests.Stage;

/// <summary>
/// Six team devices on real sockets (half JSON, half MessagePack) race for the buzzer, question after question. The
/// buzzes are sent with distinct delays in a shuffled order; whatever order they reach the store in, the team given
/// the answer must be the one with the smallest server receive stamp, every time.
/// </summary>
public sealed class BuzzRaceTests(ITestOutputHelper output)
{
    private const int Questions = 30;

    /// <summary>
    /// Only buzzes stored within the settle window after the first are weighed. The default 300 ms is for a stage
    /// machine; a CI machine running other tests beside six contenders' compare-and-set loops can take longer, and a
    /// buzz stored after the decision is Late whatever its stamp, which is not the race this test is about.
    /// </summary>
    private const int SettleMs = 1000;

    [Fact]
    public async Task The_earliest_buzz_by_server_time_wins_every_race()
    {
        var server = StageGame.ServerWithSampleBank(nameof(BuzzRaceTests));
        var bankId = await StageGame.SampleBankAsync(server);
        var buzz = new StageSegment { Kind = SegmentKind.Buzz, Points = 10, WrongDeduction = 10 };
        await using var game = await StageGame.CreateAsync(server, new CreateContest("抢答公平性",
            [new RoundSpec("抢答", new RoundRules { TimeLimitSeconds = 60 }, bankId, null, [new BlueprintRule(Questions, QuestionType.Single)])],
            StageGame.SixTeams(buzz) with { BuzzSettleMs = SettleMs }));
        var random = new Random(20261128);
        var fastestWon = 0;
        for (var seq = 0; seq < Questions; seq++)
        {
            await game.OpenAsync(seq);
            var delays = new[] { 0, 20, 40, 60, 80, 100 }.OrderBy(_ => random.Next()).ToArray();
            var armed = await game.Host.StageAsync(new StageRequest(StageMoves.Arm));
            var acks = await Task.WhenAll(game.Seats.Select(async (seat, team) =>
            {
                await Task.Delay(delays[team]);
                return await seat.BuzzAsync();
            }));
            var decided = await game.Host.NextStageAsync(v => v.Seq == seq && v.Phase == StagePhases.Answering && v.Version > armed.Version);
            Assert.All(acks, a => Assert.Contains(a.Status, new[] { BuzzStatuses.Accepted, BuzzStatuses.Late }));
            var earliest = Winner(acks, seq);
            Assert.Equal(earliest, decided.Turn);
            Assert.All(acks, a => Assert.True(a.AtUs >= armed.ArmedAtMs * 1000, "every buzz came after the opening"));
            Assert.Equal(earliest, decided.Buzzes[0].Team);
            Assert.Equal(acks[earliest].AtUs, decided.Buzzes[0].AtUs); // the stamp that won is the one the team was told
            fastestWon += delays[earliest] == 0 ? 1 : 0;
            await game.JudgeAsync(seq % 3 != 0);
        }
        output.WriteLine($"{Questions} races: the team that sent first also had the earliest stamp {fastestWon} times");
    }

    /// <summary>
    /// Two nodes on one store: three teams buzz through each. A buzz stamped earlier on one node may reach the store
    /// after a later one from the other; the settle window lets the earliest stamp win all the same.
    /// </summary>
    [Fact]
    public async Task Across_two_nodes_the_earliest_stamp_still_wins()
    {
        var shared = new Dictionary<string, string?> { ["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(BuzzRaceTests) + "-2n") };
        await using var nodeA = LiveGame.Server(nameof(BuzzRaceTests), shared);
        var nodeB = LiveGame.Server(nameof(BuzzRaceTests), shared);
        var (bankId, ids) = await LiveGame.ImportBankAsync(nodeA);
        var buzz = new StageSegment { Kind = SegmentKind.Buzz };
        string[] keys = ["q-single", "q-multi", "q-tf", "q-fill", "q-order"];
        await using var game = await StageGame.CreateAsync(nodeA, new CreateContest("两节点抢答",
            [.. Enumerable.Range(0, 3).Select(r => new RoundSpec($"抢答{r + 1}", new RoundRules { TimeLimitSeconds = 60 }, bankId, [.. keys.Select(k => ids[k])]))],
            StageGame.SixTeams(buzz, buzz, buzz) with { BuzzSettleMs = SettleMs }), team => team % 2 == 0 ? nodeA : nodeB);
        await using var _b = nodeB;
        for (var seq = 0; seq < 15; seq++)
        {
            await game.OpenAsync(seq);
            var armed = await game.Host.StageAsync(new StageRequest(StageMoves.Arm));
            var acks = await Task.WhenAll(game.Seats.Select(async (seat, team) =>
            {
                await Task.Delay(((team * 7) + (seq * 3)) % 25); // near-simultaneous, in a different order each time
                return await seat.BuzzAsync();
            }));
            var decided = await game.Host.NextStageAsync(v => v.Seq == seq && v.Phase == StagePhases.Answering && v.Version > armed.Version);
            // A buzz the store took after the decision is Late whatever its stamp (a loaded machine can hold one past
            // the settle window); among those weighed, the earliest stamp wins whichever node stamped it.
            var seen = $"question {seq}: acks {string.Join(", ", acks.Select((a, t) => $"{t}:{a.Status}@{a.AtUs}"))}; decided turn {decided.Turn} "
                + $"v{decided.Version} from {string.Join(", ", decided.Buzzes.Select(b => $"{b.Team}@{b.AtUs}"))}";
            Assert.True(Winner(acks, seq) == decided.Turn, seen);
            Assert.True(acks.Count(a => a.Status == BuzzStatuses.Accepted) == decided.Buzzes.Count, seen);
            await game.JudgeAsync(true);
        }
    }

    [Fact]
    public async Task Nobody_buzzing_in_time_gives_the_question_to_the_audience_and_only_seats_may_buzz()
    {
        var server = LiveGame.Server(nameof(BuzzRaceTests) + "-window");
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        var buzz = new StageSegment { Kind = SegmentKind.Buzz, BuzzWindowSeconds = 2, EarlyBuzzPenalties = [5, 15] };
        await using var game = await StageGame.CreateAsync(server, new CreateContest("抢答超时",
            [new RoundSpec("抢答", new RoundRules { TimeLimitSeconds = 30 }, bankId, [ids["q-single"], ids["q-fill"]])],
            StageGame.SixTeams(buzz)));
        await game.OpenAsync(0);
        var armed = await game.Host.StageAsync(new StageRequest(StageMoves.Arm));
        Assert.Equal(armed.ArmedAtMs + 2_000, armed.WindowEndsAtMs);
        var expired = await game.Host.NextStageAsync(v => v.Phase == StagePhases.Audience, timeoutMs: 20_000);
        Assert.Equal(0, expired.Seq);
        Assert.Equal(BuzzStatuses.Late, (await game.Seats[3].BuzzAsync()).Status);

        await game.OpenAsync(1);
        Assert.Equal((BuzzStatuses.Early, 5), Pair(await game.Seats[4].BuzzAsync()));
        Assert.Equal((BuzzStatuses.Early, 0), Pair(await game.Seats[4].BuzzAsync())); // pressed again: one penalty per question
        var view = await game.Host.Connection.CallAsync<StageView>(HubMethods.GetStage);
        Assert.Equal((95, 1), (view.Teams[4].Score, view.Teams[4].EarlyBuzzes));

        await using var stranger = await LiveClient.ConnectAsync(server.BaseAddress);
        var notSeated = await Assert.ThrowsAsync<HubRefused>(() => stranger.BuzzAsync());
        Assert.Contains("not_seated: ", notSeated.Message);
        var wrongCode = await Assert.ThrowsAsync<HubRefused>(() =>
            stranger.Connection.CallAsync<Seated>(HubMethods.TakeSeat, new SeatRequest(game.Contest.ContestId, "WRONGCODE2")));
        Assert.Contains("forbidden: ", wrongCode.Message);
        await stranger.JoinAsync(game.Contest.JoinCode, "观众甲");
        Assert.Contains("forbidden: ", (await Assert.ThrowsAsync<HubRefused>(() => stranger.StageAsync(new StageRequest(StageMoves.Arm)))).Message);
        Assert.Contains("forbidden: ", (await Assert.ThrowsAsync<HubRefused>(() =>
            stranger.Connection.CallAsync<IReadOnlyList<StageSeat>>(HubMethods.StageSeats))).Message);
        var audienceView = await stranger.Connection.CallAsync<StageView>(HubMethods.GetStage); // the audience may look
        Assert.Equal(6, audienceView.Teams.Count);

        // The fill-in question is open and nothing is revealed: its key reached no seat and no other client.
        Assert.All(game.Seats.Append(game.Host), c => Assert.Contains(c.Log, e => e.Event == nameof(IQuizClient.StageChanged)));
        foreach (var client in game.Seats.Append(stranger).Append(game.Host))
        {
            Assert.All(client.Log, e => Assert.DoesNotContain(SeededQuestions.SecretFill, e.Json));
        }
    }

    private static (string, int) Pair(BuzzAck ack) => (ack.Status, ack.Penalty);

    /// <summary>
    /// Who should win by the documented rule: the earliest stamp among the buzzes the store took before the decision,
    /// equal stamps by the question's rotation (a machine whose clock ticks coarsely stamps two buzzes alike often).
    /// </summary>
    private static int Winner(BuzzAck[] acks, int seq) =>
        Enumerable.Range(0, acks.Length).Where(t => acks[t].Status == BuzzStatuses.Accepted)
            .OrderBy(t => acks[t].AtUs).ThenBy(t => (((t - seq) % acks.Length) + acks.Length) % acks.Length).First();
}
