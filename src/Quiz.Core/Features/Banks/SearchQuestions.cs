using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>
/// Filters a bank's questions in memory: a bank is at most tens of thousands of questions and the store keeps the
/// decoded bank cached per revision. Over 10,000 questions on 2 cores a filter takes about 10 ms and a text search
/// about 70 ms (docs/performance.md), fast enough for an organizer's screen; sets per category/tag/type in Redis
/// would save little (text search scans anyway) and every write would have to keep them in step.
/// <see cref="ReviewDue"/> keeps only questions whose review-by date is today or past (<see cref="ReviewDates"/>):
/// the admin's 到期待复核 list.
/// </summary>
public sealed record SearchQuestions(
    string BankId,
    string? Category = null,
    string? Tag = null,
    string? Type = null,
    int? Difficulty = null,
    string? Text = null,
    bool IncludeRetired = false,
    bool ReviewDue = false,
    int Page = 1,
    int PageSize = 20) : IQuery<QuestionPage>, IValidated
{
    public const int MaxPageSize = 200;

    public IEnumerable<FieldError> Validate()
    {
        if (Type is not null && !QuestionTypeNames.TryParse(Type, out _))
        {
            yield return new FieldError("type", "is single, multiple, truefalse, fill or ordering");
        }
        if (Difficulty is < 1 or > 5)
        {
            yield return new FieldError("difficulty", "is 1 to 5");
        }
        if (Page < 1)
        {
            yield return new FieldError("page", "starts at 1");
        }
        if (PageSize is < 1 or > MaxPageSize)
        {
            yield return new FieldError("pageSize", $"is 1 to {MaxPageSize}");
        }
    }
}

/// <summary>One page of matches, in the bank's stable order (category, key, id).</summary>
public sealed record QuestionPage(IReadOnlyList<Question> Items, int Total, int Page, int PageSize);

public sealed class SearchQuestionsHandler(IBankStore store, TimeProvider clock) : IQueryHandler<SearchQuestions, QuestionPage>
{
    public async ValueTask<QuestionPage> Handle(SearchQuestions query, CancellationToken cancellationToken)
    {
        var bank = await BankChanges.LoadAsync(store, query.BankId, cancellationToken);
        QuestionType? type = query.Type is null ? null : QuestionTypeNames.TryParse(query.Type, out var t) ? t : null;
        var rule = new BlueprintRule(0, type, query.Difficulty, query.Category?.Trim().Trim('/'), query.Tag?.Trim());
        var text = TextNormalizer.Normalize(query.Text);
        var today = ReviewDates.Today(clock);
        var matches = BankChanges.Ordered(bank.Questions
            .Where(q => (query.IncludeRetired || !q.Retired) && rule.Matches(q))
            .Where(q => !query.ReviewDue || ReviewDates.IsDue(q, today))
            .Where(q => text.Length == 0 || Contains(q, text))).ToList();
        var items = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new QuestionPage(items, matches.Count, query.Page, query.PageSize);
    }

    // Text search looks where an organizer remembers words: stem, options, explanation, key.
    private static bool Contains(Question q, string text) =>
        TextNormalizer.Normalize(q.Stem).Contains(text, StringComparison.Ordinal)
        || q.Options.Any(o => TextNormalizer.Normalize(o).Contains(text, StringComparison.Ordinal))
        || TextNormalizer.Normalize(q.Explanation).Contains(text, StringComparison.Ordinal)
        || (q.Key is not null && TextNormalizer.Normalize(q.Key).Contains(text, StringComparison.Ordinal));
}
