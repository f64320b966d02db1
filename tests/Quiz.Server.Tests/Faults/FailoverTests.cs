using Xunit.Abstractions;

namespace Quiz.Server.Tests.Faults;

/// <summary>
/// The master holding a contest's slot killed mid-question on a Redis Cluster with a replica per master (see
/// <see cref="FailoverRun"/>), with and without Quiz:Redis:AckAfterReplicas. Each prints its figures; docs/scale-out.md
/// keeps a run of them.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    [ClusterFact]
    public async Task Master_killed_mid_question_with_replica_wait_loses_no_acknowledged_answer()
    {
        var run = await FailoverRun.PlayAsync(ackAfterReplicas: 1, shards: 3, cutReplica: false, output.WriteLine, thenRejoin: true);
        output.WriteLine($"master kill -9, AckAfterReplicas=1, 3 shards: {run}");

        AssertWhole(run);
        Assert.Equal(0, run.Lost);
        Assert.Equal(run.Sent, run.Stored);
        Assert.True(run.Waits.GetValueOrDefault("confirmed") > 0, "acks waited for the replica");
        Assert.True(run.Waits.GetValueOrDefault("short") > 0, "the promoted master had no replica: its first wait ran out");
        // Back as a replica of the promoted master: the nodes see it caught up and wait for it again.
        Assert.Equal(run.Sent, run.AfterRejoin!.Acked);
        Assert.True(run.AfterRejoin.Waits.GetValueOrDefault("confirmed") > 0, "waits confirmed again after the rejoin");
    }

    [ClusterFact]
    public async Task Master_killed_mid_question_without_replica_wait_keeps_what_had_replicated()
    {
        var run = await FailoverRun.PlayAsync(ackAfterReplicas: 0, shards: 1, cutReplica: false, output.WriteLine);
        output.WriteLine($"master kill -9, no wait, 1 shard: {run}");

        // Replication on loopback usually beats the kill, so nothing may be lost; what is not replicated in time is.
        AssertWhole(run);
        Assert.Equal(run.Sent - run.Lost, run.Stored);
        Assert.Empty(run.Waits);
    }

    [ClusterFact]
    public async Task Replica_cut_off_then_master_killed_without_replica_wait_loses_the_answers_acknowledged_meanwhile()
    {
        var run = await FailoverRun.PlayAsync(ackAfterReplicas: 0, shards: 1, cutReplica: true, output.WriteLine);
        output.WriteLine($"replica cut off, master kill -9, no wait, 1 shard: {run}");

        AssertWhole(run);
        // Acknowledged by the master alone, which then died: the promoted replica never had them (and an ack on its way
        // at the kill is lost too).
        Assert.True(run.AckedOnKilledMasterBeforeKill > 0, "answers were acknowledged before the kill");
        Assert.True(run.Lost >= run.AckedOnKilledMasterBeforeKill, $"lost {run.Lost}");
        Assert.Equal(run.Sent - run.Lost, run.Stored);
    }

    [ClusterFact]
    public async Task Replica_cut_off_then_master_killed_with_replica_wait_acknowledges_nothing_unreplicated_and_loses_nothing()
    {
        var run = await FailoverRun.PlayAsync(ackAfterReplicas: 1, shards: 3, cutReplica: true, output.WriteLine);
        output.WriteLine($"replica cut off, master kill -9, AckAfterReplicas=1, 3 shards: {run}");

        AssertWhole(run);
        // Held back until a replica had them: none of the killed master's answers was acknowledged before it died; the
        // node ran them again on the promoted replica (same ids, original arrival times) and acknowledged them there.
        Assert.Equal(0, run.AckedOnKilledMasterBeforeKill);
        Assert.Equal(0, run.Lost);
        Assert.Equal(run.Sent, run.Stored);
    }

    /// <summary>Every answer ends acknowledged, none is scored twice, and the boards agree with the log.</summary>
    private static void AssertWhole(FailoverResult run)
    {
        Assert.Equal(run.Sent, run.Acked);
        Assert.Equal(0, run.ScoredTwice);
        Assert.Equal(0, run.AuditDifferences);
        Assert.True(run.OnKilledMaster > 0, "some answers went to the killed master");
    }
}
