namespace Quiz.Core.Contests;

/// <summary>Someone playing a contest. Team, unit and district are optional and feed their boards.</summary>
public sealed record Participant(string Id, string Nickname, string? Team, string? Unit, string? District);

/// <summary>What scoring needs to remember between questions: the current streak of right answers.</summary>
public readonly record struct Progress(int Streak, int LastCorrectSeq)
{
    public static readonly Progress None = new(0, -1);

    /// <summary>The streak that the answer to <paramref name="seq"/> builds on: only an unbroken run counts.</summary>
    public int StreakBefore(int seq) => LastCorrectSeq == seq - 1 ? Streak : 0;
}
