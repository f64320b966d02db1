namespace Quiz.Core.Accounts;

/// <summary>An organizer-side account. The password is kept only as ASP.NET Core Identity's PBKDF2 hash.</summary>
public sealed record Account(string UserName, string PasswordHash, IReadOnlyList<string> Roles, long CreatedAtMs);

/// <summary>What the API shows of an account: never the hash.</summary>
public sealed record AccountView(string UserName, IReadOnlyList<string> Roles);
