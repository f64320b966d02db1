using Quiz.Core.Banks;

namespace Quiz.Core.Contests;

/// <summary>
/// An accepted answer as the contest log holds it: the raw facts (response, arrival, the opening it was timed from)
/// and what the node that took it scored, so an audit can recompute one from the other.
/// </summary>
public sealed record LoggedAnswer(int Seq, string ParticipantId, string AnswerId, Response Response, long ReceivedAtMs, long OpensAtMs,
    long Hundredths, string? Team, string? Unit, string? District)
{
    public AnswerFact Fact => new(Seq, Response, ReceivedAtMs, OpensAtMs);
}

/// <summary>A room move as the log holds it; <see cref="OpensAtMs"/> is the opening it set (0 for moves that set none).</summary>
public sealed record LoggedMove(string Move, long AtMs, int Seq, long OpensAtMs);

public sealed record ContestLog(IReadOnlyList<LoggedAnswer> Answers, IReadOnlyList<LoggedMove> Moves);
