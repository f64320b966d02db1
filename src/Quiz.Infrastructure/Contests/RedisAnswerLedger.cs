using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Quiz.Core.Boards;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>
/// Gathers answers as they arrive and writes them in batches: while one batch is on its way to Redis the next one
/// fills, so a quiet room pays one round trip per answer and a burst of thousands pays a few dozen. Each caller's
/// task completes when its batch is stored (and, with <c>Quiz:Redis:AckAfterReplicas</c>, replicated), so an
/// acknowledgement always means stored.
/// </summary>
internal sealed partial class RedisAnswerLedger : IAnswerLedger, IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const int MaxInFlight = 4;

    /// <summary>How long a batch is tried again while the store is unreachable before its callers hear it failed.</summary>
    internal static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly ILogger<RedisAnswerLedger> _logger;
    private readonly QuizMetrics _metrics;
    private readonly ReplicaWait _replicaWait;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight);
    private readonly Task _pump;
    private long _pending;

    public RedisAnswerLedger(IConnectionMultiplexer redis, RedisKeys keys, QuizMetrics metrics, ReplicaWait replicaWait, ILogger<RedisAnswerLedger> logger)
    {
        _metrics = metrics;
        _replicaWait = replicaWait;
        _redis = redis;
        _keys = keys;
        _logger = logger;
        _pump = Task.Run(PumpAsync);
    }

    public ValueTask<LedgerOutcome> RecordAsync(RecordedAnswer answer, CancellationToken cancellationToken)
    {
        var pending = new Pending(answer, new TaskCompletionSource<LedgerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(pending))
        {
            Interlocked.Decrement(ref _pending);
            throw new InvalidOperationException("The answer ledger is shutting down.");
        }
        return new ValueTask<LedgerOutcome>(pending.Done.Task.WaitAsync(cancellationToken));
    }

    public async ValueTask<LedgerOutcome?> FindAsync(string contestId, int seq, int shard, string participantId, string answerId, CancellationToken cancellationToken)
    {
        var stored = await _redis.GetDatabase().HashGetAsync(_keys.Answers(contestId, seq, shard), participantId);
        return StoredAnswer.TryParse(stored, seq, out var found) && found.AnswerId == answerId
            ? new LedgerOutcome(LedgerResult.AcceptedBefore, found.ReceivedAtMs, found.Known)
            : null;
    }

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Batches take milliseconds; polling keeps the hot path free of any extra signalling.
        while (Interlocked.Read(ref _pending) > 0)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var item))
            {
                batch.Add(item);
            }
            await _inFlight.WaitAsync();
            var taken = batch.ToArray();
            batch.Clear();
            _ = WriteAsync(taken);
        }
        for (var i = 0; i < MaxInFlight; i++)
        {
            await _inFlight.WaitAsync(); // drain: every batch in flight finishes before disposal completes
        }
    }

    private async Task WriteAsync(Pending[] batch)
    {
        try
        {
            var db = _redis.GetDatabase();
            var writes = batch.GroupBy(p => (p.Answer.ContestId, p.Answer.Seq, p.Answer.Shard))
                .Select(group => WriteGroupAsync(db, group.Key.ContestId, group.Key.Seq, group.Key.Shard, group.ToArray()));
            await Task.WhenAll(writes);
            BatchWritten(_logger, batch.Length);
        }
        finally
        {
            Interlocked.Add(ref _pending, -batch.Length);
            _inFlight.Release();
        }
    }

    private async Task WriteGroupAsync(IDatabase db, string contestId, int seq, int shard, Pending[] group)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var args = new RedisValue[2 + (group.Length * AnswerBatchScript.FieldsPerAnswer)];
            args[0] = seq;
            args[1] = group.Length;
            var i = 2;
            foreach (var pending in group)
            {
                var a = pending.Answer;
                var after = Progress.After(a.Seq, a.Score);
                args[i++] = a.Participant.Id;
                args[i++] = a.AnswerId;
                args[i++] = a.ReceivedAtMs;
                args[i++] = a.OpensAtMs;
                args[i++] = a.Before.ToString();
                args[i++] = BoardScore.IncrementText(a.Score.Hundredths, a.Score.ElapsedMs);
                args[i++] = a.Score.Hundredths;
                args[i++] = after.ToString();
                args[i++] = string.Join(',', a.DistributionKeys);
                args[i++] = a.Participant.Team ?? "";
                args[i++] = a.Participant.Unit ?? "";
                args[i++] = a.Participant.District ?? "";
                args[i++] = LogEntry(a);
            }
            RedisKey[] scriptKeys =
            [
                _keys.ShardRoom(contestId, shard), _keys.Answers(contestId, seq, shard), _keys.Board(contestId, shard), _keys.Distribution(contestId, seq, shard),
                _keys.Progress(contestId, shard), _keys.GroupPoints(contestId, GroupDimensions.Team, shard), _keys.GroupPoints(contestId, GroupDimensions.Unit, shard),
                _keys.GroupPoints(contestId, GroupDimensions.District, shard), _keys.Log(contestId, shard),
            ];
            var results = await EvaluateRetryingAsync(db, scriptKeys, args, contestId, seq, group.Length);
            _metrics.BatchWritten(group.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            for (var n = 0; n < group.Length; n++)
            {
                group[n].Done.TrySetResult(Outcome(results[n].ToString(), group[n].Answer));
            }
        }
        catch (Exception ex)
        {
            // Nothing acknowledged: every caller learns the write failed and may retry with the same answer id.
            BatchFailed(_logger, ex, contestId, seq, group.Length);
            foreach (var pending in group)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// Runs the batch script, and again while the store is unreachable (a restart, a failover, a network cut), for up
    /// to <see cref="RetryFor"/>: the participants keep waiting for their acks instead of having to send again, and
    /// their answers keep the time they arrived. A retry is safe whether or not the lost attempt ran: the script
    /// treats the same answer id as the same answer. With replicas to wait for, the batch counts as stored only once
    /// they confirm it; a connection lost during that wait, or the slot moving, runs the script again.
    /// </summary>
    private async Task<RedisValue[]> EvaluateRetryingAsync(IDatabase db, RedisKey[] scriptKeys, RedisValue[] args, string contestId, int seq, int count)
    {
        var giveUpAt = Environment.TickCount64 + (long)RetryFor.TotalMilliseconds;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var master = _replicaWait.MasterOf(scriptKeys[0]); // null unless waiting: no extra work by default
                var results = (RedisValue[])(await db.ScriptEvaluateAsync(AnswerBatchScript.Lua, scriptKeys, args))!;
                if (master is null || await _replicaWait.ConfirmAsync(master, scriptKeys[0]))
                {
                    if (attempt > 1)
                    {
                        BatchRecovered(_logger, count, seq, contestId, attempt);
                    }
                    return results;
                }
                if (Environment.TickCount64 >= giveUpAt)
                {
                    throw new InvalidOperationException($"The slot of question {seq} of contest {contestId} kept moving between masters for {RetryFor.TotalSeconds} s.");
                }
            }
            catch (Exception ex) when (StoreFailures.IsOutage(ex) && Environment.TickCount64 < giveUpAt)
            {
                if (attempt == 1)
                {
                    BatchRetrying(_logger, count, seq, contestId, ex.GetType().Name);
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 100 * attempt)));
        }
    }

    /// <summary>The script's answer per answer: S stored, A|at|hundredths|streak stored before, D, L, R|opensAt|progress.</summary>
    private static LedgerOutcome Outcome(string reply, RecordedAnswer answer)
    {
        var parts = reply.Split('|');
        return parts[0] switch
        {
            "S" => LedgerOutcome.Accepted,
            "A" => StoredAnswer.Again(parts, answer.Seq, answer.ReceivedAtMs),
            "D" => LedgerOutcome.Duplicate,
            "R" => new LedgerOutcome(LedgerResult.Rescore, OpensAtMs: long.Parse(parts[1], CultureInfo.InvariantCulture), Progress: Progress.Parse(parts[2])),
            _ => LedgerOutcome.Late,
        };
    }

    /// <summary>
    /// The log line of an accepted answer: the raw facts (response, arrival, the opening it was timed from) and what
    /// was scored, so an audit can recompute the one from the other (<see cref="Core.Features.Live.RecomputeBoards"/>).
    /// </summary>
    private static string LogEntry(RecordedAnswer a) => JsonSerializer.Serialize(new
    {
        t = "answer",
        seq = a.Seq,
        pid = a.Participant.Id,
        aid = a.AnswerId,
        at = a.ReceivedAtMs,
        open = a.OpensAtMs,
        opts = a.Response.Options,
        text = a.Response.Text,
        ms = a.Score.ElapsedMs,
        h = a.Score.Hundredths,
        streak = a.Score.Streak,
        ok = a.Score.Correct,
        team = a.Participant.Team,
        unit = a.Participant.Unit,
        district = a.Participant.District,
    });

    [LoggerMessage(LogLevel.Trace, "Stored a batch of {Count} answers")]
    private static partial void BatchWritten(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Store unreachable: retrying a batch of {Count} answers to question {Seq} of contest {ContestId} ({Failure})")]
    private static partial void BatchRetrying(ILogger logger, int count, int seq, string contestId, string failure);

    [LoggerMessage(LogLevel.Information, "Stored a batch of {Count} answers to question {Seq} of contest {ContestId} at attempt {Attempt}")]
    private static partial void BatchRecovered(ILogger logger, int count, int seq, string contestId, int attempt);

    [LoggerMessage(LogLevel.Error, "Could not store {Count} answers to question {Seq} of contest {ContestId}")]
    private static partial void BatchFailed(ILogger logger, Exception exception, string contestId, int seq, int count);

    private sealed record Pending(RecordedAnswer Answer, TaskCompletionSource<LedgerOutcome> Done);
}
