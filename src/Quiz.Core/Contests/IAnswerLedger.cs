namespace Quiz.Core.Contests;

/// <summary>
/// Where accepted answers are written: once per participant and question, checked against the room's
/// accept-until, scored onto the boards and appended to the contest log, all in one step. The task completes only
/// after the store has the answer.
/// </summary>
public interface IAnswerLedger
{
    ValueTask<LedgerOutcome> RecordAsync(RecordedAnswer answer, CancellationToken cancellationToken);

    /// <summary>What is stored for this participant and question, if this answer id is: for a resend the node already judged late.</summary>
    ValueTask<LedgerOutcome?> FindAsync(string contestId, int seq, int shard, string participantId, string answerId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes when every answer this node has taken so far is stored (or failed): boards read after it include
    /// them. Each participant answers through the node holding its socket, so a node's own drain suffices for the
    /// standings it sends.
    /// </summary>
    Task DrainAsync(CancellationToken cancellationToken);
}
