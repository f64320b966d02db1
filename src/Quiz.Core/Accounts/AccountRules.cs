using Quiz.Core.Common;

namespace Quiz.Core.Accounts;

/// <summary>Shape rules shared by the account commands.</summary>
public static class AccountRules
{
    public const int MinPasswordLength = 12;

    /// <summary>One account per name however it is typed: ａｄｍｉｎ (full-width) is admin. Null gives "" (a refused request is still audited).</summary>
    public static string Normalize(string? userName) => TypedText.Clean(userName, TextShape.Name).ToLowerInvariant();

    public static IEnumerable<FieldError> UserNameErrors(string? userName)
    {
        var name = Normalize(userName);
        if (name.Length is < 2 or > 64 || !name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            yield return new FieldError("userName", "is 2-64 letters, digits, '.', '-' or '_'");
        }
    }

    /// <summary>Long, not the user name, and not one character repeated: no default or trivially guessed password gets in.</summary>
    public static IEnumerable<FieldError> PasswordErrors(string? userName, string? password)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            yield return new FieldError("password", $"has at least {MinPasswordLength} characters");
        }
        else if (password.Distinct().Count() < 5
            || password.Contains(userName?.Trim() ?? "\0", StringComparison.OrdinalIgnoreCase)
            || password.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            yield return new FieldError("password", "is too easy to guess: use at least five different characters, not the user name or 'password'");
        }
    }

    public static IEnumerable<FieldError> RoleErrors(IReadOnlyList<string>? roles) =>
        (roles ?? []).Where(r => !Roles.AccountRoles.Contains(r))
            .Select(r => new FieldError("roles", $"'{r}' is not one of {string.Join(", ", Roles.AccountRoles)}"));
}
