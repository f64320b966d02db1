namespace Quiz.Core.Accounts;

public interface IAccountStore
{
    Task<Account?> GetAsync(string userName, CancellationToken ct);

    /// <summary>Adds the account unless one of that name exists; false if it did.</summary>
    Task<bool> TryCreateAsync(Account account, CancellationToken ct);

    Task SaveAsync(Account account, CancellationToken ct);

    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct);
}
