using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using Quiz.Core.Common;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Holds a write back until <see cref="RedisOptions.AckAfterReplicas"/> replicas of the master that ran it have it
/// (Redis <c>WAIT</c>), so what is acknowledged survives the master's loss and its replica's promotion. WAIT counts
/// this client's own writes on its connection, and StackExchange.Redis keeps one interactive connection per server, so
/// one WAIT covers every write this node sent to that master before it.
/// </summary>
/// <remarks>
/// A master whose replicas do not confirm within <see cref="RedisOptions.ReplicaWaitMs"/> (a replica down, lagging, or
/// a freshly promoted master with none yet) is marked short: its writes are acknowledged without waiting, counted and
/// logged once, until a probe (<c>ROLE</c>, at most once a second) sees enough replicas caught up. A WAIT that runs out
/// stalls this node's whole connection to that master for the timeout, so it is not paid again on every write.
/// </remarks>
public sealed partial class ReplicaWait
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(1);

    private readonly IConnectionMultiplexer _redis;
    private readonly QuizMetrics _metrics;
    private readonly ILogger<ReplicaWait> _logger;
    private readonly int _replicas;
    private readonly int _timeoutMs;
    private readonly ConcurrentDictionary<EndPoint, MasterState> _masters = new();

    public ReplicaWait(IConnectionMultiplexer redis, RedisOptions options, QuizMetrics metrics, ILogger<ReplicaWait> logger)
    {
        _redis = redis;
        _metrics = metrics;
        _logger = logger;
        _replicas = options.AckAfterReplicas;
        _timeoutMs = options.ReplicaWaitMs;
    }

    public bool Enabled => _replicas > 0;

    /// <summary>The master a write to <paramref name="key"/> goes to, taken before the write; null when nothing waits.</summary>
    public IServer? MasterOf(RedisKey key) => Enabled ? _redis.GetServer(key) : null;

    /// <summary>
    /// Returns once the replicas have the writes this node sent to <paramref name="master"/> (or the master is short of
    /// replicas: then at once, counted). False when <paramref name="key"/>'s slot has moved to another server since
    /// <see cref="MasterOf"/>, or that server turned replica: where the write ran is unknown, and only an idempotent
    /// write may simply be sent again. A lost connection throws, as the write itself would.
    /// </summary>
    /// <remarks>
    /// One WAIT at a time per master, and the writes that finish while it runs share the next one (a group commit):
    /// a WAIT blocks the connection it is sent on, so WAITs sent side by side would queue behind each other in Redis,
    /// each paying the whole timeout when no replica answers.
    /// </remarks>
    public async Task<bool> ConfirmAsync(IServer master, RedisKey key)
    {
        if (!Equals(_redis.GetServer(key).EndPoint, master.EndPoint))
        {
            return false;
        }
        var state = _masters.GetOrAdd(master.EndPoint, _ => new MasterState());
        var ticket = Interlocked.Increment(ref state.Written); // this write has its reply: a WAIT sent from now on covers it
        await state.Gate.WaitAsync();
        try
        {
            if (state.Covered >= ticket)
            {
                return state.LastAnswer; // a WAIT sent after this write returned while this one queued
            }
            var upTo = Volatile.Read(ref state.Written);
            state.LastAnswer = await WaitAsync(master, state);
            state.Covered = upTo;
            return state.LastAnswer;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task<bool> WaitAsync(IServer master, MasterState state)
    {
        if (state.Short && !await CaughtUpAsync(master, state))
        {
            _metrics.ReplicaWaited("skipped", 0);
            return true;
        }
        var started = Stopwatch.GetTimestamp();
        long confirmed;
        try
        {
            confirmed = (long)await master.ExecuteAsync("WAIT", _replicas, _timeoutMs);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("replica", StringComparison.OrdinalIgnoreCase))
        {
            return false; // it became a replica meanwhile (a failover): the write may not have run on the slot's master
        }
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var enough = confirmed >= _replicas;
        _metrics.ReplicaWaited(enough ? "confirmed" : "short", ms);
        if (enough && state.Short)
        {
            ReplicasBack(_logger, master.EndPoint.ToString()!, _replicas);
        }
        else if (!enough && !state.Short)
        {
            ReplicasShort(_logger, master.EndPoint.ToString()!, confirmed, _replicas, _timeoutMs);
            state.NextProbeAt = Environment.TickCount64 + (long)ProbeEvery.TotalMilliseconds;
            state.SeenOffset = -1;
        }
        state.Short = !enough;
        return true;
    }

    /// <summary>
    /// Whether a short master has enough replicas again: online replicas whose acknowledged offset reached the master's
    /// offset now, or at the probe before, a second earlier (replicas report their offset every second).
    /// </summary>
    private async Task<bool> CaughtUpAsync(IServer master, MasterState state)
    {
        if (Environment.TickCount64 < state.NextProbeAt)
        {
            return false;
        }
        state.NextProbeAt = Environment.TickCount64 + (long)ProbeEvery.TotalMilliseconds;
        try
        {
            if (await master.RoleAsync() is not Role.Master role)
            {
                return false;
            }
            // Caught up with the master now (an idle moment), or with where it was at the probe before.
            var target = state.SeenOffset >= 0 ? Math.Min(state.SeenOffset, role.ReplicationOffset) : role.ReplicationOffset;
            state.SeenOffset = role.ReplicationOffset;
            return role.Replicas.Count(r => r.ReplicationOffset >= target) >= _replicas;
        }
        catch (Exception ex) when (StoreFailures.IsOutage(ex))
        {
            return false; // the write itself got through; the next probe asks again
        }
    }

    [LoggerMessage(LogLevel.Warning, "Redis master {Master} confirmed {Confirmed} of {Wanted} replicas within {TimeoutMs} ms: its writes are acknowledged without waiting for replicas (a failover now may lose them) until they catch up")]
    private static partial void ReplicasShort(ILogger logger, string master, long confirmed, int wanted, int timeoutMs);

    [LoggerMessage(LogLevel.Information, "Redis master {Master} has {Wanted} replicas caught up again: its writes wait for them before they are acknowledged")]
    private static partial void ReplicasBack(ILogger logger, string master, int wanted);

    /// <summary>One master as this node sees it; the fields after <see cref="Gate"/> are used under it only.</summary>
    private sealed class MasterState
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public long Written;
        public long Covered;
        public bool LastAnswer;
        public bool Short;
        public long NextProbeAt;
        public long SeenOffset = -1;
    }
}
