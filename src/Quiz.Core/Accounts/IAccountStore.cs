namespace Quiz.Core.Accounts;

public interface IAccountStore
{
    Task<Account?> GetAsync(string userName, CancellationToken ct);

    /// <summary>Adds the account unless one of that name exists; false if it did.</summary>
    Task<bool> TryCreateAsync(Account account, CancellationToken ct);

    Task SaveAsync(Account account, CancellationToken ct);

    Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct);

    /// <summary>Whether the store holds any account at all.</summary>
    Task<bool> AnyAsync(CancellationToken ct);

    /// <summary>Keeps the hash of a setup code a node printed at start; it may create the first admin while no account exists.</summary>
    Task AddSetupCodeAsync(string codeHash, CancellationToken ct);

    /// <summary>
    /// In one step: creates <paramref name="account"/> only if no account exists and <paramref name="codeHash"/> is the
    /// hash of an issued setup code; on success every setup code is forgotten.
    /// </summary>
    Task<FirstAccount> TryCreateFirstAsync(Account account, string codeHash, CancellationToken ct);
}

/// <summary>What became of a first-admin setup.</summary>
public enum FirstAccount
{
    Created,
    AccountsExist,
    UnknownCode,
}
