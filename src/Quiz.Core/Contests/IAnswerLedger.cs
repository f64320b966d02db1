namespace Quiz.Core.Contests;

/// <summary>
/// Where accepted answers are written: once per participant and question, checked against the room's
/// accept-until, scored onto the boards and appended to the contest log, all in one step. The task completes only
/// after the store has the answer.
/// </summary>
public interface IAnswerLedger
{
    ValueTask<LedgerResult> RecordAsync(RecordedAnswer answer, CancellationToken cancellationToken);
}
