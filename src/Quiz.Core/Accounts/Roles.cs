namespace Quiz.Core.Accounts;

/// <summary>The roles an account may hold, and the screen role a read-only big-screen token carries.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Organizer = "organizer";
    public const string Host = "host";
    public const string Judge = "judge";

    /// <summary>Carried only by a screen token (one contest, read-only); no account holds it.</summary>
    public const string Screen = "screen";

    public static readonly IReadOnlyList<string> AccountRoles = [Admin, Organizer, Host, Judge];

    /// <summary>Roles that manage banks, contests, results and the audit log.</summary>
    public static readonly IReadOnlyList<string> Organizers = [Admin, Organizer];

    /// <summary>Roles that may host any contest's room without its host key.</summary>
    public static readonly IReadOnlyList<string> Hosts = [Admin, Organizer, Host];

    /// <summary>Roles that may judge stage answers and correct team scores (a judge may do only that).</summary>
    public static readonly IReadOnlyList<string> Judges = [Admin, Organizer, Host, Judge];
}
