namespace Quiz.Core.Banks;

/// <summary>
/// Where banks live. Writes to questions are optimistic: <see cref="TryCommitAsync"/> applies a whole change or
/// nothing, and refuses if the bank moved past the revision the change was planned on.
/// </summary>
public interface IBankStore
{
    Task<Bank> CreateAsync(string name, CancellationToken cancellationToken);

    Task<Bank?> FindAsync(string bankId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Bank>> ListAsync(CancellationToken cancellationToken);

    Task<bool> RenameAsync(string bankId, string name, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string bankId, CancellationToken cancellationToken);

    /// <summary>The bank and all its questions, or null when there is no such bank.</summary>
    Task<BankContents?> LoadAsync(string bankId, CancellationToken cancellationToken);

    /// <summary>Writes every question (new or replaced, by id) in one step; false if the revision moved on.</summary>
    Task<bool> TryCommitAsync(string bankId, long expectedRevision, IReadOnlyList<Question> upserts, CancellationToken cancellationToken);
}
