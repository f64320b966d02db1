using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Quiz.Contracts;

namespace Quiz.LoadTests;

/// <summary>
/// One phone: joins, answers each question once at a time drawn from the answer-time distribution, and records
/// how long the question took to reach it, how long its answer took to be acknowledged, and how long after the
/// close (when the server stopped accepting answers: the close plus the grace) its own rank arrived.
/// </summary>
internal sealed class SimulatedParticipant(int index, WorkerResult result, AnswerTiming timing, Random random, string protocol)
{
    private static readonly string[] Districts =
        ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];

    private const long GraceMs = 500;

    // By question: when the server stops accepting answers to it (its close plus the 500 ms grace).
    private readonly ConcurrentDictionary<int, double> _closedAt = new();
    private readonly ConcurrentDictionary<int, bool> _ranked = new();
    private HubWire? _wire;

    public async Task JoinAsync(Uri server, string code, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _wire = await HubWire.ConnectAsync(new Uri(server, "hubs/quiz"), cancellationToken, protocol, Venue(index));
            _wire.OnEvent = OnEvent;
            var join = new JoinRequest(code, $"P{index:00000}", $"队{index % 50}", $"单位{index % 200}", Districts[index % Districts.Length]);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await _wire.InvokeAsync(HubMethods.Join, join, cancellationToken);
                    break;
                }
                catch (HubWireException ex) when (ex.Code == HubErrors.Busy && attempt < 30)
                {
                    // Admission control: the node admits a bounded number of joins a second; back off and come again, as the pages do.
                    lock (result)
                    {
                        result.JoinRetries++;
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 200 + (100 * attempt))), cancellationToken);
                }
            }
            result.JoinUs.Enqueue((long)Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            lock (result)
            {
                result.Joined++;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            lock (result)
            {
                result.JoinFailures++;
            }
            result.Error($"join: {ex.GetType().Name}: {ex.Message}");
        }
    }

    public int MissingStandings(int questions) => questions - _ranked.Count;

    /// <summary>The groups every contest of the load scenarios lists: the participants' teams and units.</summary>
    public static object Groups => new
    {
        teams = Enumerable.Range(0, 50).Select(i => $"队{i}"),
        units = Enumerable.Range(0, 200).Select(i => $"单位{i}"),
    };

    /// <summary>Phones come in halls of 100 behind one venue address (10.x.y.1), as a city's contest does.</summary>
    public static string Venue(int index) => $"10.{(index / 100 / 256) % 256}.{(index / 100) % 256}.1";

    public async ValueTask DisposeAsync()
    {
        if (_wire is not null)
        {
            await _wire.DisposeAsync();
        }
    }

    private void OnEvent(string target, JsonElement payload)
    {
        result.Pushed();
        switch (target)
        {
            case nameof(IQuizClient.QuestionOpened):
                if (!_closedAt.TryAdd(payload.GetProperty("seq").GetInt32(), payload.GetProperty("closesAtMs").GetInt64() + GraceMs))
                {
                    // The same question twice (SignalR's backplane delivered it again: seen at 100,000 on a saturated
                    // machine). A phone shows it once and answers once; counted, so a run can say how often.
                    result.QuestionAgain();
                    break;
                }
                result.BroadcastUs.Enqueue((long)((Clock.NowMs - payload.GetProperty("serverTimeMs").GetInt64()) * 1000));
                if (!timing.Silent)
                {
                    _ = AnswerAsync(payload);
                }
                break;
            case nameof(IQuizClient.StandingUpdated):
                var seq = payload.GetProperty("seq").GetInt32();
                if (_closedAt.TryGetValue(seq, out var closedAt) && _ranked.TryAdd(seq, true))
                {
                    result.RankDelayUs.Enqueue((long)((Clock.NowMs - closedAt) * 1000));
                }
                break;
        }
    }

    private async Task AnswerAsync(JsonElement question)
    {
        var seq = question.GetProperty("seq").GetInt32();
        var opensAt = question.GetProperty("opensAtMs").GetInt64();
        var closesAt = question.GetProperty("closesAtMs").GetInt64();
        var options = question.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToArray();
        var at = opensAt + timing.Next(random, closesAt - opensAt);
        var wait = at - Clock.NowMs;
        if (wait > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(wait));
        }
        var answerId = $"{index}-{seq}";
        var choice = options.Length > 0 ? options[random.Next(options.Length)] : 0;
        result.Sent();
        var started = Stopwatch.GetTimestamp();
        try
        {
            var ack = await _wire!.InvokeAsync(HubMethods.SubmitAnswer, new AnswerRequest(answerId, seq, [choice]));
            var us = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            result.AckUs.Enqueue(us);
            result.AckUsBySeq.GetOrAdd(seq, _ => new ConcurrentQueue<long>()).Enqueue(us);
            result.AckAtMs.Enqueue((long)Clock.NowMs);
            result.AckStatus.AddOrUpdate(ack.GetProperty("status").GetString()!, 1, (_, n) => n + 1);
        }
        catch (Exception ex)
        {
            result.AckStatus.AddOrUpdate("error", 1, (_, n) => n + 1);
            result.Error($"answer: {ex.GetType().Name}: {ex.Message}");
        }
    }
}

/// <summary>
/// When in the window participants answer: uniformly, or bunched toward the close as crowds do; "none" never answers
/// (the pushes alone, to tell a node's cost per push from its cost per answer).
/// </summary>
internal sealed class AnswerTiming(string shape)
{
    public bool Silent => shape == "none";

    /// <summary>Milliseconds after the opening; the last 300 ms are left for the answer to travel.</summary>
    public long Next(Random random, long windowMs)
    {
        var usable = Math.Max(0, windowMs - 300);
        var u = random.NextDouble();
        var share = shape switch
        {
            "uniform" => u,
            "instant" => 0.0,
            _ => 0.4 + (0.6 * Math.Sqrt(u)), // bunched: nobody in the first 40%, densest at the end
        };
        return (long)(usable * share);
    }
}
