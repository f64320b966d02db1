using System.Net;
using Microsoft.Extensions.Time.Testing;
using Quiz.Core.Contests;
using Quiz.Server.Live;

namespace Quiz.Server.Tests.Security;

/// <summary>The admission budgets with their default figures, on a simulated clock: outcomes, never waits.</summary>
public sealed class JoinGateTests
{
    private static readonly IPAddress Venue = IPAddress.Parse("198.51.100.20");

    [Fact]
    public void A_hall_of_500_phones_behind_one_venue_address_is_in_within_10_seconds()
    {
        var clock = new FakeTimeProvider();
        var gate = new JoinGate(new LiveOptions(), clock);
        // Every phone taps "join" at once; a refused one tries again after the page's longest pause (1.5 s).
        var nextTryMs = Enumerable.Repeat(0L, 500).ToArray();
        var inAtMs = new long?[500];
        for (var now = 0L; now <= 10_000 && inAtMs.Any(t => t is null); now += 100)
        {
            for (var phone = 0; phone < 500; phone++)
            {
                if (inAtMs[phone] is null && nextTryMs[phone] <= now)
                {
                    if (gate.TryEnter(Venue))
                    {
                        inAtMs[phone] = now;
                    }
                    else
                    {
                        nextTryMs[phone] = now + 1500;
                    }
                }
            }
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }
        Assert.All(inAtMs, t => Assert.NotNull(t));
        Assert.Equal(200, inAtMs.Count(t => t == 0)); // the burst at once
        Assert.True(inAtMs.Max() <= 10_000, $"the last phone got in at {inAtMs.Max()} ms");
    }

    [Fact]
    public void A_flood_from_one_address_spends_its_own_budget_not_the_nodes()
    {
        var clock = new FakeTimeProvider();
        var gate = new JoinGate(new LiveOptions { MaxJoinsPerSecond = 1000 }, clock);
        var flood = Enumerable.Range(0, 10_000).Count(_ => gate.TryEnter(Venue));
        Assert.Equal(200, flood);
        // Ordinary phones, each its own address, in the same second: the node still has 800 to give.
        Assert.Equal(800, Enumerable.Range(0, 1000).Count(i => gate.TryEnter(IPAddress.Parse($"10.1.{i / 256}.{i % 256}"))));
    }

    [Fact]
    public void Ipv6_addresses_share_a_budget_per_64_bit_prefix_and_mapped_ipv4_is_ipv4()
    {
        Assert.Equal(JoinGate.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), JoinGate.KeyOf(IPAddress.Parse("2001:db8:1:2:ffff::9")));
        Assert.NotEqual(JoinGate.KeyOf(IPAddress.Parse("2001:db8:1:2::1")), JoinGate.KeyOf(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal("198.51.100.20", JoinGate.KeyOf(Venue.MapToIPv6()));
    }
}
