using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>
/// One rule of a paper: <see cref="Count"/> questions, each filter optional. <see cref="Category"/> matches the
/// category and everything under it (健康 matches 健康/营养). <see cref="Difficulty"/> is one level;
/// <see cref="MinDifficulty"/> and <see cref="MaxDifficulty"/> a band of levels, both ends included.
/// </summary>
public sealed record BlueprintRule(int Count, QuestionType? Type = null, int? Difficulty = null, string? Category = null, string? Tag = null,
    int? MinDifficulty = null, int? MaxDifficulty = null)
{
    public bool Matches(Question q) =>
        (Type is null || q.Type == Type)
        && (Difficulty is null || q.Difficulty == Difficulty)
        && (MinDifficulty is null || q.Difficulty >= MinDifficulty)
        && (MaxDifficulty is null || q.Difficulty <= MaxDifficulty)
        && (string.IsNullOrEmpty(Category) || q.Category == Category || q.Category.StartsWith(Category + "/", StringComparison.Ordinal))
        && (string.IsNullOrEmpty(Tag) || q.Tags.Contains(Tag));

    /// <summary>
    /// The filters' shape, for every request that takes rules: enums arrive as numbers too, and a number that names no
    /// type draws nothing; each level is 1 to 5 and a band is not upside down.
    /// </summary>
    public IEnumerable<FieldError> FilterErrors(string field)
    {
        if (Type is { } type && !Enum.IsDefined(type))
        {
            yield return new FieldError($"{field}.type", "is a question type: Single, Multiple, TrueFalse, Fill or Ordering");
        }
        foreach (var (name, value) in new[] { ("difficulty", Difficulty), ("minDifficulty", MinDifficulty), ("maxDifficulty", MaxDifficulty) })
        {
            if (value is < 1 or > 5)
            {
                yield return new FieldError($"{field}.{name}", "is 1 to 5");
            }
        }
        if (MinDifficulty is { } min && MaxDifficulty is { } max && min > max)
        {
            yield return new FieldError($"{field}.minDifficulty", "is at most maxDifficulty");
        }
        if (Category is { Length: > QuestionRules.MaxShort } || Tag is { Length: > QuestionRules.MaxTag })
        {
            yield return new FieldError($"{field}.category", $"a category has at most {QuestionRules.MaxShort} characters, a tag {QuestionRules.MaxTag}");
        }
    }

    public string Describe()
    {
        var parts = new List<string> { $"{Count} × {(Type is { } t ? QuestionTypeNames.English(t) : "any type")}" };
        if (Difficulty is { } d) { parts.Add($"difficulty {d}"); }
        if (MinDifficulty is not null || MaxDifficulty is not null) { parts.Add($"difficulty {MinDifficulty ?? 1}-{MaxDifficulty ?? 5}"); }
        if (!string.IsNullOrEmpty(Category)) { parts.Add($"category {Category}"); }
        if (!string.IsNullOrEmpty(Tag)) { parts.Add($"tag {Tag}"); }
        return string.Join(", ", parts);
    }
}

/// <summary>A drawn paper; <see cref="Seed"/> and the bank reproduce it.</summary>
public sealed record Paper(string BankId, long Seed, IReadOnlyList<PaperItem> Items);

/// <summary><see cref="OptionOrder"/>[i] is the original index of the option shown in position i (empty for fill-in).</summary>
public sealed record PaperItem(string QuestionId, int Version, IReadOnlyList<int> OptionOrder);

/// <summary>
/// A rule the bank cannot satisfy: <see cref="Rule"/> counts from 1. <see cref="Excluded"/>: how many of the
/// <see cref="Available"/> questions could not join because a question already on the paper excludes them.
/// </summary>
public sealed record Shortfall(int Rule, int Wanted, int Available, string Message, int Excluded = 0)
{
    public int Short => Wanted - Available;
}

/// <summary>Either a paper or every rule that fell short.</summary>
public sealed record DrawOutcome(Paper? Paper, IReadOnlyList<Shortfall> Shortfalls);
