namespace Quiz.Contracts.Banks;

/// <summary>
/// Rules for drawing a paper, taken in order; a question serves at most one rule. The same seed and the same bank
/// give the same paper; omit the seed for a fresh one (the paper reports the seed it used, to be stored).
/// </summary>
public sealed record BlueprintInput(IReadOnlyList<BlueprintRuleDto> Rules, long? Seed = null);

/// <summary>N questions, optionally of one type (single, multiple...), difficulty 1-5 (or a band minDifficulty-maxDifficulty), category (a path prefix) and tag.</summary>
public sealed record BlueprintRuleDto(int Count, string? Type = null, int? Difficulty = null, string? Category = null, string? Tag = null,
    int? MinDifficulty = null, int? MaxDifficulty = null);

/// <summary>A drawn paper: questions in their shuffled order, each with the order its options are shown in.</summary>
public sealed record PaperDto(string BankId, long Seed, IReadOnlyList<PaperItemDto> Items);

/// <summary><see cref="OptionOrder"/>[i] is the original index of the option shown in position i.</summary>
public sealed record PaperItemDto(string QuestionId, int Version, IReadOnlyList<int> OptionOrder);

/// <summary>Rules the bank cannot satisfy, each saying how many questions short it is.</summary>
public sealed record ShortfallReportDto(IReadOnlyList<ShortfallDto> Shortfalls);

/// <summary>Rule numbers start at 1, in the order given.</summary>
public sealed record ShortfallDto(int Rule, int Wanted, int Available, int Short, string Message, int Excluded = 0);
