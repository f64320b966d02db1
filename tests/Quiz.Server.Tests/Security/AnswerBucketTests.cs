using Quiz.Server.Live;

namespace Quiz.Server.Tests.Security;

public sealed class AnswerBucketTests
{
    [Fact]
    public void The_burst_passes_then_the_rate_refills_from_the_clock()
    {
        var bucket = new AnswerBucket(perSecond: 5, burst: 10, nowMs: 0);
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => bucket.TryTake(0)));
        Assert.False(bucket.TryTake(100));
        Assert.True(bucket.TryTake(200)); // 200 ms at 5/s is one answer
        Assert.False(bucket.TryTake(200));
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => bucket.TryTake(60_000))); // a long pause refills only to the burst
    }
}
