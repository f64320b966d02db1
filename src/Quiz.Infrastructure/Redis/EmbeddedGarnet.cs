using System.Net;
using System.Net.Sockets;
using Garnet;
using Microsoft.Extensions.Logging;

namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Garnet hosted in this process, so a fresh machine with only the .NET SDK runs the same Redis code path.
/// Registered as a singleton before the multiplexer so the container disposes it last.
/// </summary>
public sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    public EmbeddedGarnet(string dataDir, int port, ILoggerFactory? loggerFactory = null)
    {
        Directory.CreateDirectory(dataDir);
        Port = port == 0 ? FreeLoopbackPort() : port;
        DataDir = Path.GetFullPath(dataDir);
        string[] args =
        [
            "--bind", "127.0.0.1",
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lua",
            // Every script is a check-and-write (answers, room moves, attempt ends) and must run atomically, as on Redis;
            // Garnet runs scripts without locking their keys unless told to.
            "--lua-transaction-mode",
            // Durability: every write goes to the append-only file, which is replayed on start (see docs/architecture.md).
            "--aof",
            "--recover",
            // The managed file device: the native one needs libaio, which a fresh machine may lack.
            "--device-type", "RandomAccess",
            "--checkpointdir", DataDir,
        ];

        // Garnet logs through our factory under "Garnet.*", so the host's log levels apply to it.
        _server = new GarnetServer(args, loggerFactory is null ? null : new GarnetLoggerFactory(loggerFactory), cleanupDir: false);
        _server.Start();
        loggerFactory?.CreateLogger<EmbeddedGarnet>()
            .LogInformation("Embedded Garnet listening on 127.0.0.1:{Port}, data in {DataDir}", Port, DataDir);
    }

    public int Port { get; }

    public string DataDir { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public void Dispose() => _server.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
