namespace Quiz.Core.Contests;

/// <summary>An accepted answer as the contest log holds it: enough to rebuild every board without anything else.</summary>
public sealed record LoggedAnswer(int Seq, string ParticipantId, double Points, long ElapsedMs, string? Team, string? Unit, string? District);

/// <summary>A participant's row as the board holds it.</summary>
public sealed record BoardRow(string ParticipantId, double Points, long TimeMs);
