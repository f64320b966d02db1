namespace Quiz.Contracts.Banks;

/// <summary>
/// A question for organizers. <see cref="Type"/> is single, multiple, truefalse, fill or ordering; <see cref="Answer"/>
/// is in the import notation (B, ACD, 正确, 二氧化碳|CO2, CABD; see docs/import-formats.md). <see cref="Excludes"/> holds
/// the keys of questions never drawn into one paper with this one; <see cref="ReviewBy"/> the date a date-bound fact
/// is due for review.
/// </summary>
public sealed record QuestionDto(
    string Id,
    string BankId,
    string? Key,
    string Type,
    string Stem,
    IReadOnlyList<string> Options,
    string Answer,
    string Explanation,
    string Category,
    IReadOnlyList<string> Tags,
    int Difficulty,
    string? ImageUrl,
    string? Source,
    IReadOnlyList<string> Excludes,
    DateOnly? ReviewBy,
    int Version,
    bool Retired,
    DateTimeOffset UpdatedAt);

/// <summary>One page of a search; <see cref="Total"/> counts every match.</summary>
public sealed record QuestionPageDto(IReadOnlyList<QuestionDto> Items, int Total, int Page, int PageSize);
