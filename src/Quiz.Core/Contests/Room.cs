using Quiz.Contracts;

namespace Quiz.Core.Contests;

/// <summary>
/// A contest's live state, the one thing host moves change. <see cref="AcceptUntilMs"/> is what the store checks for
/// every answer of question <see cref="Seq"/>: the latest arrival time that still counts (the close, or the moment of
/// an early close or pause, plus the grace).
/// </summary>
public sealed record Room
{
    public string Status { get; init; } = RoomStatuses.Lobby;

    public int Seq { get; init; } = -1;

    public long OpensAtMs { get; init; }

    public long ClosesAtMs { get; init; }

    public bool Paused { get; init; }

    /// <summary>Time left on the open question when it was paused.</summary>
    public long RemainingMs { get; init; }

    public long AcceptUntilMs { get; init; }

    /// <summary>Goes up with every move; a move applies only to the version it was decided on.</summary>
    public long Version { get; init; }

    public bool IsOpen => Status == RoomStatuses.Open && !Paused;
}
