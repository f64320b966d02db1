namespace Quiz.Core.Banks;

/// <summary>
/// A question as written in a file or a request, before any check: every field as the organizer typed it.
/// <see cref="Row"/> is where it came from (sheet row, JSON question number, GIFT line) for error reports.
/// </summary>
public sealed record QuestionDraft
{
    public int Row { get; init; }

    public string? Key { get; init; }

    public string? Type { get; init; }

    public string? Stem { get; init; }

    public IReadOnlyList<string> Options { get; init; } = [];

    public string? Answer { get; init; }

    public string? Explanation { get; init; }

    public string? Category { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Difficulty { get; init; }

    public string? ImageUrl { get; init; }

    public string? Source { get; init; }

    public IReadOnlyList<string> Excludes { get; init; } = [];

    public string? ReviewBy { get; init; }
}
