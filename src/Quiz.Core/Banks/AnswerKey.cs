namespace Quiz.Core.Banks;

/// <summary>
/// The correct answer. <see cref="Options"/> holds option indices: the one right option (single, true/false),
/// the set of right options in ascending order (multiple), or the right order (ordering).
/// <see cref="Accepted"/> holds the accepted texts of a fill-in question.
/// </summary>
public sealed record AnswerKey(IReadOnlyList<int> Options, IReadOnlyList<string> Accepted)
{
    public static AnswerKey Choice(params int[] options) => new(options, []);

    public static AnswerKey Texts(params string[] accepted) => new([], accepted);

    public bool Equals(AnswerKey? other) =>
        other is not null && Options.SequenceEqual(other.Options) && Accepted.SequenceEqual(other.Accepted);

    public override int GetHashCode() => HashCode.Combine(Options.Count, Accepted.Count);
}
