using System.Diagnostics;
using System.Net.Http.Json;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// infra/local-cluster.sh in a temp folder on free loopback ports: redis-server with infra/redis.conf, N nodes running
/// the built Quiz.Server.dll, and nginx with infra/nginx/quiz.conf in front. Faults are real: kill -9, SIGSTOP.
/// </summary>
public sealed class LocalCluster : IAsyncDisposable
{
    private readonly string _dir;
    private readonly int _redisPort;
    private readonly int _firstNodePort;
    private readonly int _nginxPort;

    private LocalCluster(string dir, int nodes, int redisPort, int firstNodePort, int nginxPort)
    {
        _dir = dir;
        Nodes = nodes;
        _redisPort = redisPort;
        _firstNodePort = firstNodePort;
        _nginxPort = nginxPort;
    }

    public int Nodes { get; }

    /// <summary>nginx: where pages and phones connect.</summary>
    public Uri Address => new($"http://127.0.0.1:{_nginxPort}/");

    /// <summary>Node <paramref name="n"/> (1-based) directly, bypassing nginx.</summary>
    public Uri Node(int n) => new($"http://127.0.0.1:{_firstNodePort + n - 1}/");

    public string RedisConnection => $"127.0.0.1:{_redisPort},abortConnect=false";

    public static async Task<LocalCluster> StartAsync(int nodes)
    {
        var dir = Path.Combine(Path.GetTempPath(), "quiz-cluster", Guid.NewGuid().ToString("N"));
        var ports = LoopbackPorts.Free(2); // Redis, nginx
        var first = LoopbackPorts.FreeRun(nodes); // the script numbers nodes from its first port
        var cluster = new LocalCluster(dir, nodes, ports[0], first, ports[1]);
        try
        {
            await cluster.StartAllAsync();
        }
        catch
        {
            await cluster.RunScriptAsync("stop"); // what did start must not outlive the test
            throw;
        }
        return cluster;
    }

    private Task StartAllAsync() =>
        RunScriptAsync("start", new Dictionary<string, string>
        {
            ["NODES"] = Nodes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["REDIS_PORT"] = _redisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FIRST_NODE_PORT"] = _firstNodePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NGINX_PORT"] = _nginxPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVER_DLL"] = ServerDll(),
            ["QUIZ_ADMIN"] = QuizServer.AdminUser,
            ["QUIZ_ADMIN_PASSWORD"] = QuizServer.AdminPassword,
            ["Quiz__SampleBank__Enabled"] = "false",
            ["Quiz__Live__OpenLeadMs"] = "100",
            ["Logging__LogLevel__Default"] = "Warning",
        });

    /// <summary>An organizer's HTTP client through nginx, logged in as the bootstrap admin.</summary>
    public async Task<HttpClient> OrganizerAsync()
    {
        var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        var login = await LiveGame.Read<Login>(await http.PostAsJsonAsync("/api/auth/login",
            new { userName = QuizServer.AdminUser, password = QuizServer.AdminPassword }));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.Token);
        return http;
    }

    public Task<ConnectionMultiplexer> RedisAsync() => ConnectionMultiplexer.ConnectAsync(RedisConnection);

    public void KillRedis() => Signal("redis.pid", "KILL");

    public void PauseRedis() => Signal("redis.pid", "STOP");

    public void ResumeRedis() => Signal("redis.pid", "CONT");

    /// <summary>Starts Redis again on the same append-only file; returns when it serves (after loading the file).</summary>
    public Task RestartRedisAsync() => RunScriptAsync("redis");

    public void KillNode(int n) => Signal($"node{n}.pid", "KILL");

    public string Log(string name) => File.Exists(Path.Combine(_dir, name)) ? File.ReadAllText(Path.Combine(_dir, name)) : "";

    public async ValueTask DisposeAsync()
    {
        ResumeRedis(); // a stopped process does not stop on SIGTERM
        await RunScriptAsync("stop");
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }

    private void Signal(string pidFile, string signal)
    {
        var path = Path.Combine(_dir, pidFile);
        if (!File.Exists(path))
        {
            return;
        }
        using var kill = Process.Start("kill", $"-{signal} {File.ReadAllText(path).Trim()}");
        kill.WaitForExit();
    }

    private async Task RunScriptAsync(string command, IDictionary<string, string>? environment = null)
    {
        var (exitCode, output) = await InfraScript.RunAsync("local-cluster.sh", [command, _dir], environment ?? new Dictionary<string, string>());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {command} failed ({exitCode}): {output}"
                + $"\nnode1.log: {Log("node1.log")}\nredis.log: {Log("redis.log")}");
        }
    }

    /// <summary>The server built with the tests (`dotnet test Quiz.sln` builds it; this project references it).</summary>
    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(InfraScript.RepoRoot(), "src", "Quiz.Server", "bin", configuration, "net10.0", "Quiz.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first: {dll}");
    }

    private sealed record Login(string Token);
}
