using Quiz.Server.Live;
using static Quiz.Server.Live.StoreVerdict.Change;

namespace Quiz.Server.Tests.Live;

/// <summary>The store is down after two failed pings in a row, unless the node was too starved to hear the replies.</summary>
public sealed class StoreVerdictTests
{
    private static readonly TimeSpan OnTime = TimeSpan.FromMilliseconds(3);
    private static readonly TimeSpan Starved = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public void Two_failed_pings_in_a_row_are_an_outage_and_the_first_answer_ends_it()
    {
        var verdict = new StoreVerdict(2, TimeSpan.FromMilliseconds(500));
        Assert.Equal([None, None, Down, None, Up, None], new[] { (true, OnTime), (false, OnTime), (false, OnTime), (false, OnTime), (true, OnTime), (true, OnTime) }
            .Select(p => verdict.Observe(p.Item1, p.Item2)));
    }

    [Fact]
    public void One_slow_ping_is_not_an_outage()
    {
        var verdict = new StoreVerdict(2, TimeSpan.FromMilliseconds(500));
        Assert.Equal([None, None, None, None], new[] { (false, OnTime), (true, OnTime), (false, OnTime), (true, OnTime) }
            .Select(p => verdict.Observe(p.Item1, p.Item2)));
        Assert.True(verdict.Available);
    }

    [Fact]
    public void Pings_failed_while_the_node_was_starved_are_not_counted()
    {
        // What a join storm of 50,000 on 2 cores did: the node's own timer woke seconds late and its pings timed out.
        var verdict = new StoreVerdict(2, TimeSpan.FromMilliseconds(500));
        Assert.Equal([None, None, None, None], new[] { (false, Starved), (false, Starved), (false, OnTime), (false, Starved) }
            .Select(p => verdict.Observe(p.Item1, p.Item2)));
        Assert.True(verdict.Available);
        Assert.Equal(Down, verdict.Observe(false, OnTime)); // a second failure heard on time: the store is gone
    }
}
