namespace Quiz.Core.Contests;

/// <summary>One person on an organizer's roster. The phone is personal data: stored protected, shown masked.</summary>
public sealed record RosterPerson(string Name, string StaffId, string? Unit, string? District, string? Phone);

/// <summary>A person's personal code (shown once, at import; stored only as its hash), or why they were skipped.</summary>
public sealed record RosterCode(string StaffId, string Name, string? Code, string? Skipped);

/// <summary>Encrypts phone numbers at rest; implemented on ASP.NET Core Data Protection with keys shared through Redis.</summary>
public interface IPhoneProtector
{
    string Protect(string value);

    string Unprotect(string protectedValue);
}

public interface IRosterStore
{
    /// <summary>Adds a roster person as a participant whose token is the personal code; false if the staff id is on the roster already.</summary>
    Task<bool> TryAddAsync(string contestId, Participant participant, string staffId, string codeHash, string? protectedPhone, CancellationToken ct);

    /// <summary>The staff ids on the contest's roster (a sheet's dry run counts who would be skipped).</summary>
    Task<IReadOnlySet<string>> StaffIdsAsync(string contestId, CancellationToken ct);

    /// <summary>Participant id to protected phone, for the people of the roster that gave one.</summary>
    Task<IReadOnlyDictionary<string, string>> GetPhonesAsync(string contestId, CancellationToken ct);
}

public static class Phones
{
    /// <summary>138****5678: enough to tell people apart on a printout, not enough to call them.</summary>
    public static string Mask(string phone) =>
        phone.Length >= 7 ? $"{phone[..3]}{new string('*', phone.Length - 7)}{phone[^4..]}" : new string('*', phone.Length);
}
