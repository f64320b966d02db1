namespace Quiz.Core.Banks;

/// <summary>One question as the bank stores it. The key never leaves the server before the question closes.</summary>
public sealed record Question
{
    public required string Id { get; init; }

    public required string BankId { get; init; }

    /// <summary>The organizer's own identifier (e.g. a spreadsheet id column); re-imports match on it.</summary>
    public string? Key { get; init; }

    public required QuestionType Type { get; init; }

    public required string Stem { get; init; }

    /// <summary>Choice texts in their canonical order (A, B, C...). True/false questions hold 正确 and 错误.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public required AnswerKey Answer { get; init; }

    /// <summary>解析: why the answer is right, shown after the reveal.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>Category path with '/' between levels, e.g. 碳达峰碳中和/基本概念.</summary>
    public string Category { get; init; } = "";

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// Other questions' organizer <see cref="Key"/>s this one must never share a paper with (a near-duplicate, or one
    /// that gives its answer away). Symmetric: either side naming the other is enough.
    /// </summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>1 (easy) to 5 (hard).</summary>
    public int Difficulty { get; init; } = 3;

    public string? ImageUrl { get; init; }

    public string? Source { get; init; }

    /// <summary>Starts at 1 and goes up whenever the content (stem, options, answer, explanation) changes.</summary>
    public int Version { get; init; } = 1;

    public bool Retired { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public static readonly IReadOnlyList<string> TrueFalseOptions = ["正确", "错误"];
}
