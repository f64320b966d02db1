using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;

namespace Quiz.Core.Banks;

/// <summary>
/// What an import file would do to a bank: every error first (shape, content, duplicate rows), then, only for a
/// clean file, which questions are new, changed (version + 1) or unchanged. Pure, so a dry run is the same plan unwritten.
/// </summary>
public sealed record ImportPlan(IReadOnlyList<ImportError> Errors, IReadOnlyList<Question> Upserts, int Added, int Updated, int Unchanged)
{
    public const int MaxQuestionsPerBank = 50_000;

    /// <summary>Checks every draft; the questions come back without ids, in file order, when there is no error.</summary>
    public static (IReadOnlyList<Question> Questions, IReadOnlyList<ImportError> Errors) Check(ParsedFile file)
    {
        var errors = file.Errors.ToList();
        var questions = new List<Question>();
        var seen = new Dictionary<string, int>();
        var draftErrors = new List<DraftError>();
        foreach (var draft in file.Drafts)
        {
            draftErrors.Clear();
            var question = QuestionRules.Check(draft, draftErrors);
            errors.AddRange(draftErrors.Select(e => ImportError.Of(draft.Row, file, e)));
            if (question is null)
            {
                continue;
            }
            if (seen.TryGetValue(QuestionIdentity.MatchKey(question), out var first))
            {
                var byKey = question.Key is not null;
                errors.Add(ImportError.Of(draft.Row, file, byKey
                    ? new DraftError(DraftField.Key, BankReasons.KeyRepeat.With(("key", question.Key!), ("row", first)))
                    : new DraftError(DraftField.Stem, BankReasons.RowRepeat.With(("row", first)))));
                continue;
            }
            seen.Add(QuestionIdentity.MatchKey(question), draft.Row);
            questions.Add(question);
        }
        return (questions, [.. errors.OrderBy(e => e.Row)]);
    }

    /// <summary>Matches checked questions against a bank: by key when the incoming one has a key, else by content hash.</summary>
    public static ImportPlan Against(BankContents bank, IReadOnlyList<Question> incoming, DateTimeOffset now, Func<string> newId)
    {
        var byKey = bank.Questions.Where(q => q.Key is not null).ToDictionary(q => q.Key!);
        var byHash = bank.Questions.GroupBy(QuestionIdentity.ContentHash).ToDictionary(g => g.Key, g => g.First());
        var upserts = new List<Question>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var question in incoming)
        {
            var existing = question.Key is { } key ? byKey.GetValueOrDefault(key) : byHash.GetValueOrDefault(QuestionIdentity.ContentHash(question));
            if (existing is null)
            {
                upserts.Add(question with { Id = newId(), BankId = bank.Bank.Id, Version = 1, UpdatedAt = now });
                added++;
                continue;
            }
            // A file without keys must not erase keys given earlier through the API or another file.
            var revised = question with { Id = existing.Id, BankId = existing.BankId, Key = question.Key ?? existing.Key, Retired = existing.Retired };
            if (QuestionIdentity.SameContent(revised, existing))
            {
                unchanged++;
                continue;
            }
            upserts.Add(revised with { Version = existing.Version + 1, UpdatedAt = now });
            updated++;
        }
        var errors = bank.Questions.Count + added > MaxQuestionsPerBank
            ? [new ImportError(0, "", BankReasons.BankFull.With(("max", ReasonText.Grouped(MaxQuestionsPerBank)), ("total", ReasonText.Grouped(bank.Questions.Count + added))))]
            : Array.Empty<ImportError>();
        return new ImportPlan(errors, upserts, added, updated, unchanged);
    }
}
