using System.Net;
using System.Net.Sockets;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// Ports for processes the tests start themselves (redis-server, nginx, dotnet nodes). They are picked below Linux's
/// ephemeral range (32768 and up): a port from there, freed and bound by a child seconds later, may meanwhile have
/// become the local end of one of the thousands of outgoing loopback connections other tests open.
/// </summary>
public static class LoopbackPorts
{
    private const int Low = 20_000;
    private const int High = 32_000;

    // Nothing holds a port between the check and the child's bind, so two tests of this process could pick the same
    // one: a port is handed out once per process.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>The first of <paramref name="count"/> consecutive free ports, each also free at +<paramref name="alsoOffset"/> if given.</summary>
    public static int FreeRun(int count, int? alsoOffset = null)
    {
        for (var attempt = 0; attempt < 500; attempt++)
        {
            var first = Random.Shared.Next(Low, High - count - (alsoOffset ?? 0));
            var ports = Enumerable.Range(first, count).ToList();
            ports.AddRange(alsoOffset is { } o ? ports.Select(p => p + o).ToList() : []);
            lock (HandedOut)
            {
                if (!ports.Any(HandedOut.Contains) && ports.All(IsFree))
                {
                    HandedOut.UnionWith(ports);
                    return first;
                }
            }
        }
        throw new InvalidOperationException($"No run of {count} free loopback ports between {Low} and {High}");
    }

    /// <summary><paramref name="count"/> distinct free ports.</summary>
    public static int[] Free(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreeRun(1));
        }
        return [.. ports];
    }

    public static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
