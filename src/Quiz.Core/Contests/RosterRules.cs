using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>What makes one roster person acceptable, whether they come as JSON or from a sheet: one set of rules.</summary>
public static class RosterRules
{
    public const int MaxPeople = 100_000;
    public const int MaxName = 20;
    public const int MaxStaffId = 50;
    public const int MaxGroup = ContestGroups.MaxName;

    /// <summary>
    /// Each problem with its field in the API's words (name, staffId, unit, district, phone). Names follow the rule for
    /// every typed name (<see cref="TypedText"/>: no control or invisible characters, lengths as a reader counts them).
    /// </summary>
    public static IEnumerable<(string Field, Reason Reason)> Errors(RosterPerson? person)
    {
        if (TypedText.Clean(person?.Name, TextShape.Name).Length == 0)
        {
            yield return ("name", RosterReasons.NameEmpty.With());
        }
        else if (TypedText.Problem(person!.Name, TextShape.Name, MaxName) is { } name)
        {
            yield return ("name", name);
        }
        if (TypedText.Clean(person?.StaffId, TextShape.Name).Length == 0)
        {
            yield return ("staffId", RosterReasons.StaffIdEmpty.With());
        }
        else if (TypedText.Problem(person!.StaffId, TextShape.Name, MaxStaffId) is { } staffId)
        {
            yield return ("staffId", staffId);
        }
        foreach (var (field, value) in new[] { ("unit", person?.Unit), ("district", person?.District) })
        {
            if (TypedText.Problem(value, TextShape.Name, MaxGroup) is { } group)
            {
                yield return (field, group);
            }
        }
        if (person?.Phone?.Trim() is { Length: > 0 } phone && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
        {
            yield return ("phone", RosterReasons.PhoneInvalid.With(("value", phone)));
        }
    }
}
