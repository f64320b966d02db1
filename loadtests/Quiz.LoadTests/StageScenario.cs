using Quiz.Contracts;
using System.Globalization;
using System.Text.Json;
using HdrHistogram;

namespace Quiz.LoadTests;

/// <summary>
/// A stage contest under load: the audience swarm answers every question (as in <see cref="LiveScenario"/>) while six
/// team seats, spread over the nodes, race for the buzzer with distinct small delays. Per race it records the buzz
/// decision latency (from the earliest server stamp to the decision, which includes the settle window) and whether
/// the team given the answer is the one with the earliest stamp. Exit code 1 if a race went wrong or an answer was lost.
/// </summary>
internal static class StageScenario
{
    private const int Teams = 6;
    private const int SettleMs = 300;

    public static async Task<int> RunAsync(Options options)
    {
        var urls = options.Urls();
        using var http = await LiveScenario.OrganizerAsync(options, urls[0]);
        var (participants, questions, window) = (options.Int("participants", 1000), options.Int("questions", 3), options.Int("window", 10));
        var stage = new
        {
            teams = Enumerable.Range(0, Teams).Select(t => new { name = $"代表队{t + 1}", members = new[] { "甲", "乙", "丙" } }),
            baseScore = 100,
            buzzSettleMs = SettleMs,
            segments = new[] { new { kind = "Buzz", points = 10, wrongDeduction = 10, buzzWindowSeconds = Math.Max(2, window - 1) } },
        };
        var (contestId, code, hostKey) = await LiveScenario.SetUpAsync(http, urls[0], questions, window, stage);
        Console.Error.WriteLine($"joining {participants} audience to {code} across {urls.Count} node(s)");
        using var swarm = await Swarm.StartAsync(options, participants,
            new Dictionary<string, string> { ["mode"] = "quiz", ["code"] = code, ["questions"] = questions.ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(10));

        await using var host = await HubWire.ConnectAsync(new Uri(urls[0], "hubs/quiz"), CancellationToken.None);
        var closed = LiveScenario.Signals(questions);
        var revealed = LiveScenario.Signals(questions);
        var decided = Enumerable.Range(0, questions).Select(_ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        host.OnEvent = (target, payload) =>
        {
            switch (target)
            {
                case nameof(IQuizClient.QuestionClosed):
                    closed[payload.GetProperty("seq").GetInt32()].TrySetResult(0);
                    break;
                case nameof(IQuizClient.AnswerRevealed):
                    revealed[payload.GetProperty("seq").GetInt32()].TrySetResult(payload.GetProperty("answers").GetInt32());
                    break;
                case nameof(IQuizClient.StageChanged) when payload.GetProperty("phase").GetString() == "answering" && payload.GetProperty("seq").GetInt32() is var s && s >= 0:
                    decided[s].TrySetResult(payload);
                    break;
            }
        };
        await host.InvokeAsync(HubMethods.HostRoom, new HostRoomRequest(contestId, hostKey));
        var seats = new List<HubWire>();
        foreach (var seat in (await host.InvokeAsync(HubMethods.StageSeats, null)).EnumerateArray())
        {
            var team = seat.GetProperty("team").GetInt32();
            var wire = await HubWire.ConnectAsync(new Uri(urls[team % urls.Count], "hubs/quiz"), CancellationToken.None);
            await wire.InvokeAsync(HubMethods.TakeSeat, new SeatRequest(contestId, seat.GetProperty("code").GetString()!));
            seats.Add(wire);
        }

        var latency = new LongHistogram(60_000_000, 3);
        var earliestWon = 0;
        var stored = 0;
        var random = new Random(20261128);
        for (var q = 0; q < questions; q++)
        {
            await host.InvokeAsync(HubMethods.Control, new ControlRequest(q == 0 ? HostMoves.Start : HostMoves.Next));
            await host.InvokeAsync(HubMethods.Stage, new StageRequest(StageMoves.Arm));
            var delays = Enumerable.Range(0, Teams).Select(t => t * 10).OrderBy(_ => random.Next()).ToArray();
            var stamps = await Task.WhenAll(seats.Select(async (wire, team) =>
            {
                await Task.Delay(delays[team]);
                return (await wire.InvokeAsync(HubMethods.Buzz, null)).GetProperty("atUs").GetInt64();
            }));
            var view = await decided[q].Task.WaitAsync(TimeSpan.FromSeconds(30));
            var winner = view.GetProperty("turn").GetInt32();
            var earliest = Enumerable.Range(0, Teams).MinBy(t => stamps[t]);
            earliestWon += winner == earliest ? 1 : 0;
            var decisionMs = view.GetProperty("serverTimeMs").GetInt64() - (stamps.Min() / 1000);
            latency.RecordValue(Math.Max(0, decisionMs) * 1000);
            Console.Error.WriteLine($"question {q}: team {winner + 1} won (earliest stamp: team {earliest + 1}), decided {decisionMs} ms after the earliest buzz");
            await host.InvokeAsync(HubMethods.Stage, new StageRequest(StageMoves.Judge, Correct: true));
            await closed[q].Task.WaitAsync(TimeSpan.FromSeconds(window + 60));
            await host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.Reveal));
            stored += await revealed[q].Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        await host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.End));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var measured = await swarm.StopAsync();
        var logged = await LiveScenario.AuditAsync(http, urls[0], contestId, hostKey);
        foreach (var wire in seats)
        {
            await wire.DisposeAsync();
        }

        var acknowledged = measured.AckStatus.GetValueOrDefault("accepted");
        var summary = new
        {
            scenario = "stage", nodes = urls.Count, audience = participants, connected = swarm.Ready, questions, races = questions,
            earliestWon, settleMs = SettleMs,
            decisionMsP50 = latency.GetValueAtPercentile(50) / 1000.0, decisionMsP99 = latency.GetValueAtPercentile(99) / 1000.0,
            decisionMsMax = latency.GetMaxValue() / 1000.0, audienceAcknowledged = acknowledged, audienceStored = stored, audienceLogged = logged,
            machine = Report.DescribeMachine(),
        };
        var output = options.Text("out", "loadtests/results/stage.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
        return earliestWon == questions && acknowledged == logged && swarm.Ready == participants ? 0 : 1;
    }
}
