namespace Quiz.Core.Banks;

/// <summary>
/// One rule of a paper: <see cref="Count"/> questions, each filter optional. <see cref="Category"/> matches the
/// category and everything under it (健康 matches 健康/营养).
/// </summary>
public sealed record BlueprintRule(int Count, QuestionType? Type = null, int? Difficulty = null, string? Category = null, string? Tag = null)
{
    public bool Matches(Question q) =>
        (Type is null || q.Type == Type)
        && (Difficulty is null || q.Difficulty == Difficulty)
        && (string.IsNullOrEmpty(Category) || q.Category == Category || q.Category.StartsWith(Category + "/", StringComparison.Ordinal))
        && (string.IsNullOrEmpty(Tag) || q.Tags.Contains(Tag));

    /// <summary>The filters' shape, for every request that takes rules: enums arrive as numbers too, and a number that names no type draws nothing.</summary>
    public IEnumerable<Common.FieldError> FilterErrors(string field)
    {
        if (Type is { } type && !Enum.IsDefined(type))
        {
            yield return new Common.FieldError($"{field}.type", "is a question type: Single, Multiple, TrueFalse, Fill or Ordering");
        }
        if (Difficulty is < 1 or > 5)
        {
            yield return new Common.FieldError($"{field}.difficulty", "is 1 to 5");
        }
        if (Category is { Length: > QuestionRules.MaxShort } || Tag is { Length: > QuestionRules.MaxTag })
        {
            yield return new Common.FieldError($"{field}.category", $"a category has at most {QuestionRules.MaxShort} characters, a tag {QuestionRules.MaxTag}");
        }
    }

    public string Describe()
    {
        var parts = new List<string> { $"{Count} × {(Type is { } t ? QuestionTypeNames.English(t) : "any type")}" };
        if (Difficulty is { } d) { parts.Add($"difficulty {d}"); }
        if (!string.IsNullOrEmpty(Category)) { parts.Add($"category {Category}"); }
        if (!string.IsNullOrEmpty(Tag)) { parts.Add($"tag {Tag}"); }
        return string.Join(", ", parts);
    }
}

/// <summary>A drawn paper; <see cref="Seed"/> and the bank reproduce it.</summary>
public sealed record Paper(string BankId, long Seed, IReadOnlyList<PaperItem> Items);

/// <summary><see cref="OptionOrder"/>[i] is the original index of the option shown in position i (empty for fill-in).</summary>
public sealed record PaperItem(string QuestionId, int Version, IReadOnlyList<int> OptionOrder);

/// <summary>A rule the bank cannot satisfy: <see cref="Rule"/> counts from 1.</summary>
public sealed record Shortfall(int Rule, int Wanted, int Available, string Message)
{
    public int Short => Wanted - Available;
}

/// <summary>Either a paper or every rule that fell short.</summary>
public sealed record DrawOutcome(Paper? Paper, IReadOnlyList<Shortfall> Shortfalls);
