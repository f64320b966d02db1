using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Quiz.Browser.Tests.Support;
using Quiz.Server.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Quiz.Browser.Tests;

/// <summary>
/// The store freezes mid-question (its own redis-server, stopped with SIGSTOP): the phone's socket is fine, yet the
/// page must say it is reconnecting, keep the answer it sent, and carry on by itself when the store is back.
/// </summary>
public sealed class StoreOutageTests
{
    [BrowserFact]
    public async Task A_phone_shows_reconnecting_while_the_store_is_frozen_and_its_answer_is_acknowledged_after()
    {
        if (!File.Exists("/usr/bin/redis-server"))
        {
            Assert.False(BrowserFactAttribute.IsCi, "CI must run this test: install redis-server");
            return; // nothing to freeze here; the cluster fault tests cover the server side
        }
        using var redis = OwnRedis.Start();
        await using var server = BrowserServer.Start(nameof(StoreOutageTests), redis.ConnectionString);
        var contest = await Contests.CreateAsync(server, new { timeLimitSeconds = 60, points = 100 }, "q-single");
        await using var browser = await BrowserSession.LaunchAsync();
        var (host, phone) = await Contests.HostAndPhoneAsync(browser, server, contest, "钱阿姨");
        await host.Keyboard.PressAsync("s");
        await Expect(phone.Locator(".answer", new() { HasText = "2060年" })).ToBeEnabledAsync();

        redis.Signal("STOP");
        try
        {
            await Expect(phone.Locator("#reconnecting")).ToBeVisibleAsync();
            await Expect(phone.Locator("#reconnecting")).ToHaveTextAsync("网络不稳定，重新连接中…");
            await phone.Locator(".answer", new() { HasText = "2060年" }).ClickAsync();
            await Expect(phone.Locator("#ack")).ToHaveTextAsync("正在提交…");
            await Screenshots.TakeAsync(phone, "17-phone-store-unavailable");
        }
        finally
        {
            redis.Signal("CONT");
        }
        await Expect(phone.Locator("#reconnecting")).ToBeHiddenAsync();
        await Expect(phone.Locator("#ack")).ToHaveTextAsync("已提交，等待揭晓答案");
    }

    /// <summary>A redis-server of this test alone, so freezing it disturbs no other test.</summary>
    private sealed class OwnRedis : IDisposable
    {
        private readonly Process _process;
        private readonly int _port;

        private OwnRedis(Process process, int port)
        {
            _process = process;
            _port = port;
        }

        public string ConnectionString => $"127.0.0.1:{_port}";

        public static OwnRedis Start()
        {
            var port = LoopbackPorts.FreeRun(1);
            var process = Process.Start(new ProcessStartInfo("redis-server",
                ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
            {
                RedirectStandardOutput = true,
            })!;
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            for (var i = 0; i < 100 && !Listening(port) && !process.HasExited; i++)
            {
                Thread.Sleep(50);
            }
            // Listening alone could be someone else's socket; a redis-server that exited did not get the port.
            Assert.False(process.HasExited, $"redis-server could not start on port {port}");
            return new OwnRedis(process, port);
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
            kill.WaitForExit();
        }

        public void Dispose()
        {
            Signal("CONT");
            _process.Kill();
            _process.WaitForExit();
            _process.Dispose();
        }

        private static bool Listening(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }
}
