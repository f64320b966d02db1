using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>What makes one roster person acceptable, whether they come as JSON or from a sheet: one set of rules.</summary>
public static class RosterRules
{
    public const int MaxPeople = 100_000;
    public const int MaxName = 20;
    public const int MaxStaffId = 50;
    public const int MaxGroup = 100;

    /// <summary>Each problem with its field in the API's words (name, staffId, unit, district, phone).</summary>
    public static IEnumerable<(string Field, Reason Reason)> Errors(RosterPerson? person)
    {
        var name = person?.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            yield return ("name", RosterReasons.NameEmpty.With());
        }
        else if (name.Length > MaxName)
        {
            yield return ("name", RosterReasons.TooLong.With(("length", name.Length), ("max", MaxName)));
        }
        var staffId = person?.StaffId?.Trim() ?? "";
        if (staffId.Length == 0)
        {
            yield return ("staffId", RosterReasons.StaffIdEmpty.With());
        }
        else if (staffId.Length > MaxStaffId)
        {
            yield return ("staffId", RosterReasons.TooLong.With(("length", staffId.Length), ("max", MaxStaffId)));
        }
        foreach (var (field, value) in new[] { ("unit", person?.Unit), ("district", person?.District) })
        {
            if (value?.Trim() is { Length: > MaxGroup } text)
            {
                yield return (field, RosterReasons.TooLong.With(("length", text.Length), ("max", MaxGroup)));
            }
        }
        if (person?.Phone?.Trim() is { Length: > 0 } phone && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            yield return ("phone", RosterReasons.PhoneInvalid.With(("value", phone)));
        }
    }
}
