using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Quiz.Contracts;

namespace Quiz.LoadTests;

/// <summary>
/// Issue 16 at scale: N participants play a contest of 1 + 2Q questions; after a warm-up question, Q run quiet, Q beside an
/// attacker on another contest of the same nodes (--attack-rate joins a second from --attack-addresses addresses, an
/// unknown frame a second, an xlsx bomb every --bomb-every seconds). Reports the played contest's acknowledgement
/// latency in both phases and every attack outcome by its code. A benchmark, not a test: exit code 1 only if an
/// answer was lost or an attack got an unexpected answer.
/// </summary>
internal static class HostileScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var urls = options.Urls();
        var participants = options.Int("participants", 1000);
        var perPhase = options.Int("questions", 3);
        var window = options.Int("window", 10);
        using var http = await LiveScenario.OrganizerAsync(options, urls[0]);
        var (contestId, code, hostKey) = await LiveScenario.SetUpAsync(http, urls[0], 1 + (2 * perPhase), window);
        var attacked = await AttackedContestAsync(http, urls[0]);
        var bank = await Setup.Read(await http.PostAsJsonAsync(new Uri(urls[0], "api/banks"), new { name = $"攻击目标 {DateTime.UtcNow:HHmmss}" }));

        Console.Error.WriteLine($"joining {participants} participants to {code} across {urls.Count} node(s)");
        using var swarm = await Swarm.StartAsync(options, participants,
            new Dictionary<string, string> { ["mode"] = "quiz", ["code"] = code, ["questions"] = (1 + (2 * perPhase)).ToString(CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(10));
        // The attacker and this controller stand for machines of their own: low priority in both phases, so the
        // comparison is of the nodes and the phones (the swarm's processes, started above at normal priority).
        // --attacker-nice 0 turns it off.
        var nice = options.Int("attacker-nice", 19);
        Console.Error.WriteLine($"controller and attacker at nice {nice} ({LowPriority.Apply(nice)} threads)");
        await using var host = await HubWire.ConnectAsync(new Uri(urls[0], "hubs/quiz"), CancellationToken.None);
        var run = new QuestionRunner(host);
        await host.InvokeAsync(HubMethods.HostRoom, new HostRoomRequest(contestId, hostKey));

        // Question 0 warms the nodes up (first broadcasts, JIT) and is not measured; then 1..Q quiet, Q+1..2Q under attack.
        var stored = new int[1 + (2 * perPhase)];
        stored[0] = await run.QuestionAsync(0);
        var nodeAcks = new List<ServerMetrics> { await ServerMetrics.ScrapeAsync(http, urls) };
        for (var q = 1; q <= perPhase; q++)
        {
            stored[q] = await run.QuestionAsync(q);
        }
        nodeAcks.Add(await ServerMetrics.ScrapeAsync(http, urls));
        var attacker = new Attacker(urls, attacked, http, bank.GetProperty("id").GetString()!, options.Int("attack-rate", 1000),
            options.Int("attack-addresses", 25), options.Double("bomb-every", 5));
        using var stop = new CancellationTokenSource();
        var attack = attacker.RunAsync(stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the attack at full rate before the first question of its phase
        for (var q = perPhase + 1; q <= 2 * perPhase; q++)
        {
            stored[q] = await run.QuestionAsync(q);
        }
        nodeAcks.Add(await ServerMetrics.ScrapeAsync(http, urls));
        await stop.CancelAsync();
        await attack;
        await host.InvokeAsync(HubMethods.Control, new ControlRequest(HostMoves.End));
        var measured = await swarm.StopAsync();
        var logged = await LiveScenario.AuditAsync(http, urls[0], contestId, hostKey);

        var phase = (int from) => Histograms.Summarize(Enumerable.Range(from, perPhase).SelectMany(q => measured.AckUsBySeq.GetValueOrDefault(q) ?? []));
        var (quiet, underAttack) = (phase(1), phase(perPhase + 1));
        var accepted = measured.AckStatus.GetValueOrDefault("accepted");
        var lost = accepted - logged; // the contest log holds every stored answer, also one whose batch landed after its reveal
        var unexpected = attacker.Outcomes.Where(o => o.Key.StartsWith("unexpected", StringComparison.Ordinal)).Sum(o => o.Value);
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"## Hostile crowd: {participants} participants on {urls.Count} node(s), {perPhase} questions quiet then {perPhase} under attack (attacker at nice {nice})")
            .AppendLine()
            .AppendLine("| phase | acks | p50 | p99 | p99.9 | max | p99 in the nodes |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|")
            .AppendLine(CultureInfo.InvariantCulture, $"| quiet | {quiet.Count} | {quiet.P50Ms} ms | {quiet.P99Ms} ms | {quiet.P999Ms} ms | {quiet.MaxMs} ms | {ServerMetrics.AckQuantile(nodeAcks[0], nodeAcks[1], 0.99)} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| under attack | {underAttack.Count} | {underAttack.P50Ms} ms | {underAttack.P99Ms} ms | {underAttack.P999Ms} ms | {underAttack.MaxMs} ms | {ServerMetrics.AckQuantile(nodeAcks[1], nodeAcks[2], 0.99)} |")
            .AppendLine()
            .AppendLine("(p99 in the nodes: from an answer's arrival to its ack as the nodes' own histogram counts it, by its bucket bound.)")
            .AppendLine()
            .AppendLine(string.Create(CultureInfo.InvariantCulture, $"p99 under attack / quiet: {(quiet.P99Ms > 0 ? underAttack.P99Ms / quiet.P99Ms : 0):0.00} (target at most 2). ")
                + string.Create(CultureInfo.InvariantCulture, $"Answers accepted {accepted}, in the contest log {logged} (counted by the reveals {stored.Sum()}), lost {lost}; sent {measured.AnswersSent}, statuses ")
                + string.Join(", ", measured.AckStatus.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")) + ".")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Attack: {attacker.Attempts} join attempts; outcomes by code:")
            .AppendLine();
        foreach (var (outcome, count) in attacker.Outcomes.OrderBy(o => o.Key))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"- {outcome}: {count}");
        }
        var text = report.ToString();
        var output = options.Text("out", "loadtests/results/hostile.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, text);
        Console.WriteLine(text);
        return lost == 0 && unexpected == 0 ? 0 : 1;
    }

    /// <summary>The contest the attacker has the code of: one listed team, in its lobby.</summary>
    private static async Task<string> AttackedContestAsync(HttpClient http, Uri server)
    {
        var bank = await Setup.Read(await http.PostAsJsonAsync(new Uri(server, "api/banks"), new { name = $"被攻击 {DateTime.UtcNow:HHmmss}" }));
        var bankId = bank.GetProperty("id").GetString()!;
        var file = JsonSerializer.Serialize(new { questions = new[] { new { type = "single", stem = "被攻击的比赛", options = new[] { "甲", "乙" }, answer = "A" } } });
        await Setup.Read(await http.PostAsync(new Uri(server, $"api/banks/{bankId}/import?format=json"), new StringContent(file, Encoding.UTF8, "application/json")));
        var page = await Setup.Read(await http.GetAsync(new Uri(server, $"api/banks/{bankId}/questions?pageSize=10")));
        var contest = await Setup.Read(await http.PostAsJsonAsync(new Uri(server, "api/contests"), new
        {
            title = "被攻击的比赛",
            rounds = new[] { new { title = "一", bankId, questionIds = page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetString()).ToArray() } },
            groups = new { teams = new[] { "一队" } },
        }));
        return contest.GetProperty("joinCode").GetString()!;
    }
}
