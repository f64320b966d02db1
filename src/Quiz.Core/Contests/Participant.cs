namespace Quiz.Core.Contests;

/// <summary>Someone playing a contest. Team, unit and district are optional and feed their boards.</summary>
public sealed record Participant(string Id, string Nickname, string? Team, string? Unit, string? District);

/// <summary>An answer this node scored and stored: what a standing needs without asking the store again.</summary>
public readonly record struct KnownAnswer(int Seq, double Points, bool Correct, int Streak);

/// <summary>What scoring needs to remember between questions: the current streak of right answers.</summary>
public readonly record struct Progress(int Streak, int LastCorrectSeq)
{
    public static readonly Progress None = new(0, -1);

    /// <summary>The streak that the answer to <paramref name="seq"/> builds on: only an unbroken run counts.</summary>
    public int StreakBefore(int seq) => LastCorrectSeq == seq - 1 ? Streak : 0;
}
