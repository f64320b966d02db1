using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>
/// A scored answer on its way to the store, with what the node assumed when it scored it: the question's opening and
/// the participant's progress (the streak the last answer left). The store takes it only if both are what it holds;
/// otherwise it says what it holds and the node scores again (<see cref="LedgerOutcome.Rescore"/>).
/// <see cref="ReceivedAtMs"/> is the server's clock at arrival: the store refuses it if that is after the room's
/// accept-until, whatever the moment it is written.
/// </summary>
public sealed record RecordedAnswer(
    string ContestId,
    int Seq,
    int Shard,
    Participant Participant,
    string AnswerId,
    Response Response,
    long ReceivedAtMs,
    long OpensAtMs,
    Progress Before,
    ScoredAnswer Score,
    IReadOnlyList<string> DistributionKeys);

/// <summary>How the store took an answer.</summary>
public enum LedgerResult
{
    /// <summary>Stored now.</summary>
    Accepted,

    /// <summary>This answer id was already stored: nothing changed; <see cref="LedgerOutcome.ReceivedAtMs"/> is the stored arrival.</summary>
    AcceptedBefore,

    Duplicate,
    Late,

    /// <summary>Scored on an opening or a progress the store does not hold: score it again on <see cref="LedgerOutcome.OpensAtMs"/> and <see cref="LedgerOutcome.Progress"/>.</summary>
    Rescore,
}

/// <summary>What the store said of one answer; for an answer id stored before, what it stored.</summary>
public readonly record struct LedgerOutcome(LedgerResult Result, long ReceivedAtMs = 0, KnownAnswer? Stored = null, long OpensAtMs = 0, Progress Progress = default)
{
    public static readonly LedgerOutcome Accepted = new(LedgerResult.Accepted);
    public static readonly LedgerOutcome Duplicate = new(LedgerResult.Duplicate);
    public static readonly LedgerOutcome Late = new(LedgerResult.Late);
}
