using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>
/// Load, plan, commit; if another writer got in between (the revision moved), plan again on the fresh bank.
/// Writers to one bank are few (organizers), so a few retries with a growing, jittered pause are plenty; past them
/// the change is refused as busy, never half applied.
/// </summary>
internal static class BankChanges
{
    private const int Attempts = 10;

    public static async Task<BankContents> LoadAsync(IBankStore store, string bankId, CancellationToken ct) =>
        await store.LoadAsync(bankId, ct) ?? throw DomainException.NotFound("Bank", bankId);

    public static async Task<T> CommitAsync<T>(IBankStore store, string bankId,
        Func<BankContents, (IReadOnlyList<Question> Upserts, T Result)> plan, CancellationToken ct)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var bank = await LoadAsync(store, bankId, ct);
            var (upserts, result) = plan(bank);
            if (upserts.Count == 0 || await store.TryCommitAsync(bankId, bank.Revision, upserts, ct))
            {
                return result;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * (attempt + 1)), ct);
        }
        throw new DomainException("busy", $"Bank '{bankId}' changed {Attempts} times while this change was being made; try again.");
    }

    /// <summary>The order searches and exports list questions in: category, then key, then id.</summary>
    public static IEnumerable<Question> Ordered(IEnumerable<Question> questions) =>
        questions.OrderBy(q => q.Category, StringComparer.Ordinal).ThenBy(q => q.Key ?? "\uffff", StringComparer.Ordinal).ThenBy(q => q.Id, StringComparer.Ordinal);

    public static Question Find(BankContents bank, string questionId) =>
        bank.Questions.FirstOrDefault(q => q.Id == questionId) ?? throw DomainException.NotFound("Question", questionId);

    /// <summary>Draft errors as request field errors, named as the JSON body names them, with their reason codes.</summary>
    public static IEnumerable<FieldError> FieldErrors(QuestionDraft draft)
    {
        var errors = new List<DraftError>();
        QuestionRules.Check(draft, errors);
        return errors.Select(e => FieldError.Of(Quiz.Core.Banks.Formats.JsonBankFile.ColumnOf(e), e.Reason));
    }

    /// <summary>Another question of the bank already has this key: edit that one instead.</summary>
    public static DomainException KeyTaken(string bankId, string key) =>
        new("duplicate_key", BankReasons.KeyTaken.With(("bank", bankId), ("key", key)));

    public static IEnumerable<FieldError> NameErrors(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            yield return FieldError.Of("name", BankReasons.NameEmpty.With());
        }
        else if (TypedText.Length(TypedText.Clean(name, TextShape.Line)) > 100)
        {
            yield return FieldError.Of("name", BankReasons.NameTooLong.With(("max", 100)));
        }
        else if (TypedText.Problem(name, TextShape.Line, 100) is { } problem)
        {
            yield return FieldError.Of("name", problem);
        }
    }
}
