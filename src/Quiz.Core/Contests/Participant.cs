namespace Quiz.Core.Contests;

/// <summary>Someone playing a contest. Team, unit and district are optional and feed their boards.</summary>
public sealed record Participant(string Id, string Nickname, string? Team, string? Unit, string? District);

/// <summary>An answer this node scored and stored: what a standing needs without asking the store again.</summary>
public readonly record struct KnownAnswer(int Seq, long Hundredths, bool Correct, int Streak)
{
    public double Points => Hundredths / 100.0;
}

/// <summary>
/// What scoring needs to remember between questions: the streak of the last answer, if it was fully right. The store
/// keeps it per participant (<see cref="ToString"/>) and accepts an answer only if it was scored on the stored one.
/// </summary>
public readonly record struct Progress(int Streak, int LastCorrectSeq)
{
    public static readonly Progress None = new(0, -1);

    /// <summary>What an answer to <paramref name="seq"/> leaves for the next question.</summary>
    public static Progress After(int seq, ScoredAnswer score) => score.Correct ? new Progress(score.Streak, seq) : None;

    public static Progress Parse(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0
            && int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var streak)
            && int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seq)
            ? new Progress(streak, seq)
            : None;
    }

    /// <summary>The stored form, "streak:lastCorrectSeq"; no answer yet and a last answer not fully right store the same.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Streak}:{LastCorrectSeq}");

    /// <summary>The streak that the answer to <paramref name="seq"/> builds on: only an unbroken run counts.</summary>
    public int StreakBefore(int seq) => LastCorrectSeq == seq - 1 ? Streak : 0;
}
