using Quiz.Infrastructure.Redis;

namespace Quiz.Server.Tests.Foundation;

/// <summary>The slot rule matches Redis Cluster's, and a sharded contest's id spreads its shards over the slot space.</summary>
public sealed class ShardPlacementTests
{
    [Theory]
    [InlineData("foo", 12182)] // CLUSTER KEYSLOT foo, from the Redis Cluster specification
    [InlineData("123456789", 12739)] // CRC16/XMODEM's check value 0x31C3, modulo 16384
    [InlineData("c:9cabc7e12b2bb21d", 8743)] // CLUSTER KEYSLOT on redis-server 7.0.15
    [InlineData("c:9cabc7e12b2bb21d:2", 2126)]
    public void A_tag_has_the_slot_Redis_gives_it(string tag, int slot) => Assert.Equal(slot, ShardPlacement.SlotOfTag(tag));

    [Fact]
    public void Ranges_cut_as_redis_cli_cuts_them_nest_six_shards_in_three_masters()
    {
        // redis-cli --cluster create gives three masters 0-5460, 5461-10922 and 10923-16383.
        Assert.Equal([0, 0, 1, 1, 2, 2], new[] { 0, 5460, 5461, 10922, 10923, 16383 }.Select(s => ShardPlacement.StripeOf(s, 3)));
        for (var slot = 0; slot < ShardPlacement.Slots; slot++)
        {
            Assert.Equal(ShardPlacement.StripeOf(slot, 3), ShardPlacement.StripeOf(slot, 6) / 2);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    public void A_sharded_contest_gets_an_id_whose_shards_fall_in_distinct_ranges(int shards)
    {
        var random = new Random(shards); // ids as Ids.New() makes them, from a fixed seed
        var id = ShardPlacement.NewContestId(shards, () => Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())));
        Assert.Equal(shards, ShardPlacement.Spread(id, shards));
        Assert.Equal(shards, Enumerable.Range(0, shards).Select(k => ShardPlacement.StripeOf(ShardPlacement.SlotOfTag(ShardPlacement.TagOf(id, k)), shards)).Distinct().Count());
    }
}
