namespace Quiz.Core.Contests;

/// <summary>
/// A scored answer on its way to the store. <see cref="ReceivedAtMs"/> is the server's clock at arrival: the store
/// refuses it if that is after the room's accept-until, whatever the moment it is written.
/// </summary>
public sealed record RecordedAnswer(
    string ContestId,
    int Seq,
    Participant Participant,
    string AnswerId,
    long ReceivedAtMs,
    long ElapsedMs,
    ScoredAnswer Score,
    IReadOnlyList<string> DistributionKeys,
    string Given);

/// <summary>How the store took an answer.</summary>
public enum LedgerResult
{
    Accepted,
    Duplicate,
    Late,
}
