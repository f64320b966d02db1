using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>
/// Admission control. Per client address first: a token bucket of Quiz:Live:AddressJoinBurst joins at once, refilled
/// at Quiz:Live:AddressJoinsPerSecond (200 and 50: a hall of 500 phones behind one venue address is in within about
/// 6 s), so one address flooding spends its own budget, not everyone's. Then per node: at most
/// Quiz:Live:MaxJoinsPerSecond joins a second. A crowd that scans the QR code at once, or reconnects after a node
/// restart, is told "busy" and retries (the pages back off) instead of queuing Redis round trips until everyone times out.
/// </summary>
public sealed class JoinGate(LiveOptions options, TimeProvider clock)
{
    /// <summary>Addresses tracked before idle (refilled) buckets are dropped; past twice this, all are (the gate then forgets, never blocks).</summary>
    private const int TrackedAddresses = 50_000;

    private readonly ConcurrentDictionary<string, AnswerBucket> _addresses = new(StringComparer.Ordinal);
    private long _second;
    private int _count;
    private long _prunedAtMs;

    /// <summary>The node's budget alone (joins that carry no address: online-round registrations from trusted callers, tests).</summary>
    public bool TryEnter()
    {
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        if (Interlocked.Exchange(ref _second, second) != second)
        {
            Interlocked.Exchange(ref _count, 0); // a new second; a few joins racing the reset may be counted twice, which is harmless
        }
        return Interlocked.Increment(ref _count) <= options.MaxJoinsPerSecond;
    }

    /// <summary>The address's budget, then the node's: a refused address never takes from the node's.</summary>
    public bool TryEnter(IPAddress? address) => TryCharge(address) && TryEnter();

    /// <summary>Takes one join from the address's budget (also what a failed rejoin costs: guessing tokens is not free).</summary>
    public bool TryCharge(IPAddress? address)
    {
        if (address is null)
        {
            return true;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Prune(now);
        return _addresses.GetOrAdd(KeyOf(address), _ => new AnswerBucket(options.AddressJoinsPerSecond, options.AddressJoinBurst, now)).TryTake(now);
    }

    /// <summary>IPv4 by address; IPv6 by its /64, which one subscriber usually holds whole (so it counts as one address).</summary>
    internal static string KeyOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private void Prune(long now)
    {
        var last = Interlocked.Read(ref _prunedAtMs);
        if (_addresses.Count <= TrackedAddresses || now - last < 1000 || Interlocked.CompareExchange(ref _prunedAtMs, now, last) != last)
        {
            return;
        }
        foreach (var (key, bucket) in _addresses)
        {
            if (bucket.IsFull(now))
            {
                _addresses.TryRemove(key, out _);
            }
        }
        if (_addresses.Count > 2 * TrackedAddresses)
        {
            _addresses.Clear();
        }
    }
}
