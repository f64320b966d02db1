using Quiz.Contracts;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>
/// The mass live question: a contest set up over the API, N participants joining across the given nodes, a host
/// running Q questions (each a broadcast, a burst of answers bunched toward the close, the close, the reveal and
/// the board), then the stored answers counted through the contest audit. Exit code 1 if anything was lost.
/// </summary>
internal static class LiveScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var urls = options.Urls();
        var participants = options.Int("participants", 1000);
        var questions = options.Int("questions", 3);
        var window = options.Int("window", 10);
        using var http = await OrganizerAsync(options, urls[0]);
        var report = new Report { Scenario = options.Command, Participants = participants, Questions = questions, WindowSeconds = window,
            Nodes = urls.Count, AnswerDistribution = options.Text("answer-dist", "bunched"), Protocol = options.Text("protocol", "json"),
            Machine = Report.DescribeMachine() };

        if (options.Flag("baseline"))
        {
            if (options.Text("redis", "") is { Length: > 0 } redis)
            {
                report.RedisBenchmark = await Baselines.RedisBenchmarkAsync(redis);
            }
            Console.Error.WriteLine($"baseline: raw WebSocket broadcast to {participants} sockets");
            (report.RawBroadcast, report.RawCpuUsPerMessage) = await Baselines.RawBroadcastAsync(options, participants, options.Int("raw-port", 5900), urls.Count);
        }

        var (contestId, code, hostKey) = await SetUpAsync(http, urls[0], questions, window, shards: options.Int("shards", 1));
        var before = await ServerMetrics.ScrapeAsync(http, urls);
        var redisCpuBefore = await Baselines.RedisCpuSecondsAsync(options.Text("redis", "127.0.0.1:6379"));
        var scriptsBefore = await Baselines.RedisScriptMicrosecondsAsync(options.Text("redis", "127.0.0.1:6379"));
        var joinStarted = Clock.NowMs;
        Console.Error.WriteLine($"joining {participants} participants to {code} across {urls.Count} node(s)");
        using var swarm = await Swarm.StartAsync(options, participants,
            new Dictionary<string, string> { ["mode"] = "quiz", ["code"] = code, ["questions"] = questions.ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(10));
        report.JoinSeconds = Math.Round((Clock.NowMs - joinStarted) / 1000, 2);
        report.Connected = swarm.Ready;
        // What the joins alone cost, and what the connections hold, split from the questions' share (the capacity model's unit costs).
        var joined = await ServerMetrics.ScrapeAsync(http, urls);
        report.JoinCpuSeconds = Math.Round(joined.CpuSeconds - before.CpuSeconds, 1);
        report.JoinedMemoryMb = Math.Round(joined.MemoryBytes / (1 << 20), 0);
        report.IdleMemoryMb = Math.Round(before.MemoryBytes / (1 << 20), 0);
        report.JoinRedisCpuSeconds = Math.Round(await Baselines.RedisCpuSecondsAsync(options.Text("redis", "127.0.0.1:6379")) - redisCpuBefore, 2);
        if (options.Int("hold", 0) is > 0 and var hold)
        {
            // Everyone connected and nothing happening: what holding a connection costs a node (SignalR's keep-alive pings,
            // timers), measured after 10 s for the joins' aftermath (tiered JIT, a collection) to settle.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var settled = await ServerMetrics.ScrapeAsync(http, urls);
            await Task.Delay(TimeSpan.FromSeconds(hold));
            var held = await ServerMetrics.ScrapeAsync(http, urls);
            report.HoldSeconds = hold;
            report.HoldCpuSeconds = Math.Round(held.CpuSeconds - settled.CpuSeconds, 2);
            before = before with { CpuSeconds = before.CpuSeconds + (held.CpuSeconds - joined.CpuSeconds) }; // the run's CPU leaves the settle and hold out
        }

        var questionsStarted = Clock.NowMs;
        await using var host = await HubWire.ConnectAsync(new Uri(urls[0], "hubs/quiz"), CancellationToken.None);
        var stored = 0;
        var run = new QuestionRunner(host);
        await host.InvokeAsync(HubMethods.HostRoom, new HostRoomRequest(contestId, hostKey));
        for (var q = 0; q < questions; q++)
        {
            stored += await run.QuestionAsync(q);
        }
        await host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.End));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var measured = await swarm.StopAsync();
        var after = await ServerMetrics.ScrapeAsync(http, urls);
        report.QuestionSeconds = Math.Round((Clock.NowMs - questionsStarted) / 1000, 1);
        var logged = await AuditAsync(http, urls[0], contestId, hostKey);

        report.Fill(measured, stored, logged, before, after);
        report.RedisCpuSeconds = Math.Round(await Baselines.RedisCpuSecondsAsync(options.Text("redis", "127.0.0.1:6379")) - redisCpuBefore, 2);
        var scriptUs = await Baselines.RedisScriptMicrosecondsAsync(options.Text("redis", "127.0.0.1:6379")) - scriptsBefore;
        report.RedisScriptUsPerAnswer = report.Acknowledged > 0 ? Math.Round(scriptUs / report.Acknowledged, 1) : 0;
        var output = options.Text("out", "loadtests/results/live.json");
        await report.WriteAsync(output);
        Console.WriteLine(report.ToMarkdown());
        return report.Lost == 0 && report.RevealShort == 0 && report.Connected == participants ? 0 : 1;
    }

    internal static TaskCompletionSource<int>[] Signals(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously))];

    /// <summary>An HTTP client logged in as the organizer named by --user and --password (or QUIZ_LOAD_PASSWORD).</summary>
    internal static async Task<HttpClient> OrganizerAsync(Options options, Uri server)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        await Setup.LogInAsync(http, server, options.Text("user", "admin"), options.Text("password", Environment.GetEnvironmentVariable("QUIZ_LOAD_PASSWORD") ?? ""));
        return http;
    }

    /// <summary>A bank of <paramref name="questions"/> single-choice questions and a one-round contest of them; with <paramref name="stage"/>, a stage contest.</summary>
    internal static async Task<(string ContestId, string Code, string HostKey)> SetUpAsync(HttpClient http, Uri server, int questions, int window,
        object? stage = null, int shards = 1)
    {
        var bank = await Setup.Read(await http.PostAsJsonAsync(new Uri(server, "api/banks"), new { name = $"压测题库 {DateTime.UtcNow:HHmmss}" }));
        var file = new
        {
            format = "quiz-bank/1",
            questions = Enumerable.Range(0, Math.Max(1, questions)).Select(i => new
            {
                key = $"load-{i}",
                type = "single",
                stem = $"压测题目 {i}：下列哪一项是正确的？",
                options = new[] { "选项甲", "选项乙", "选项丙", "选项丁" },
                answer = "ABCD"[i % 4].ToString(),
                explanation = "压测用题。",
            }),
        };
        using var body = new StringContent(JsonSerializer.Serialize(file), Encoding.UTF8, "application/json");
        var bankId = bank.GetProperty("id").GetString()!;
        await Setup.Read(await http.PostAsync(new Uri(server, $"api/banks/{bankId}/import?format=json"), body));
        var page = await Setup.Read(await http.GetAsync(new Uri(server, $"api/banks/{bankId}/questions?pageSize=100")));
        var ids = page.GetProperty("items").EnumerateArray().OrderBy(q => q.GetProperty("key").GetString()).Select(q => q.GetProperty("id").GetString()).ToArray();
        var contest = await Setup.Read(await http.PostAsJsonAsync(new Uri(server, "api/contests"), new
        {
            title = "压测竞赛",
            rounds = new[] { new { title = "压测", rules = new { timeLimitSeconds = window, points = 100, speedWeighted = true, streakBonus = 10 }, bankId, questionIds = ids } },
            stage,
            shards,
            groups = SimulatedParticipant.Groups,
        }));
        return (contest.GetProperty("contestId").GetString()!, contest.GetProperty("joinCode").GetString()!, contest.GetProperty("hostKey").GetString()!);
    }

    internal static async Task<int> AuditAsync(HttpClient http, Uri server, string contestId, string hostKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"api/contests/{contestId}/audit"));
        request.Headers.Add("X-Host-Key", hostKey);
        var audit = await Setup.Read(await http.SendAsync(request));
        var differences = audit.GetProperty("differences").GetArrayLength();
        if (differences > 0)
        {
            Console.Error.WriteLine($"audit: {differences} board rows differ from the log");
        }
        return audit.GetProperty("loggedAnswers").GetInt32();
    }
}
