namespace Quiz.Contracts.Banks;

/// <summary>
/// A question as an organizer writes it, in the same notation as the import files: the answer as letters
/// (B, ACD, CABD), 正确/错误, or fill-in alternatives separated by '|'. Difficulty 1-5, 3 when omitted.
/// <see cref="Excludes"/>: other questions' keys (互斥题); <see cref="ReviewBy"/>: a date written like 2027-03-16.
/// </summary>
public sealed record QuestionInput
{
    public string? Key { get; init; }

    public string Type { get; init; } = "";

    public string Stem { get; init; } = "";

    public IReadOnlyList<string>? Options { get; init; }

    public string Answer { get; init; } = "";

    public string? Explanation { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public int? Difficulty { get; init; }

    public string? ImageUrl { get; init; }

    public string? Source { get; init; }

    public IReadOnlyList<string>? Excludes { get; init; }

    public string? ReviewBy { get; init; }
}
