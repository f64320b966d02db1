using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>The boards a participant counts on besides their own: team, unit (单位) and district (区县).</summary>
public enum GroupKind
{
    Team,
    Unit,
    District,
}

/// <summary>
/// The groups of a contest come from lists, not from the crowd: its districts (Hangzhou's 13 unless the organizer says
/// otherwise), its units (this list, plus those of its roster), its teams. A join naming anything else is refused,
/// unless the organizer turned free text on for that kind; then each new name is admitted until the contest has
/// <see cref="MaxFree"/> of them of that kind, so a crowd cannot grow the boards without bound.
/// </summary>
public sealed record ContestGroups
{
    /// <summary>Names in one list; also the most free-text names of one kind a contest admits.</summary>
    public const int MaxListed = 500;
    public const int MaxFree = 500;
    public const int MaxName = 50;

    /// <summary>Hangzhou's districts and counties, in the order the city lists them (js/districts.js holds the same list).</summary>
    public static readonly IReadOnlyList<string> Hangzhou =
        ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];

    /// <summary>What a contest stored before groups were lists plays by: Hangzhou's districts listed, free text for all three, capped.</summary>
    public static readonly ContestGroups Legacy = new() { Districts = Hangzhou, FreeTeams = true, FreeUnits = true, FreeDistricts = true };

    /// <summary>Null: Hangzhou's 13. Empty: the contest has no district board.</summary>
    public IReadOnlyList<string>? Districts { get; init; }

    public IReadOnlyList<string>? Units { get; init; }

    public IReadOnlyList<string>? Teams { get; init; }

    public bool FreeTeams { get; init; }

    public bool FreeUnits { get; init; }

    public bool FreeDistricts { get; init; }

    public IReadOnlyList<string> Listed(GroupKind kind) => kind switch
    {
        GroupKind.Team => Teams ?? [],
        GroupKind.Unit => Units ?? [],
        _ => Districts ?? Hangzhou,
    };

    public bool IsFree(GroupKind kind) => kind switch
    {
        GroupKind.Team => FreeTeams,
        GroupKind.Unit => FreeUnits,
        _ => FreeDistricts,
    };

    /// <summary>The lists as stored: every name cleaned (<see cref="TypedText"/>), the district default spelled out.</summary>
    public ContestGroups Cleaned() => this with
    {
        Districts = Clean(Districts ?? Hangzhou),
        Units = Clean(Units ?? []),
        Teams = Clean(Teams ?? []),
    };

    public IEnumerable<FieldError> Validate(string field)
    {
        foreach (var kind in Enum.GetValues<GroupKind>())
        {
            var name = $"{field}.{Plural(kind)}";
            var list = kind == GroupKind.District ? Districts : kind == GroupKind.Team ? Teams : Units;
            if (list is null)
            {
                continue;
            }
            if (list.Count > MaxListed)
            {
                yield return new FieldError(name, $"at most {MaxListed} names");
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                if (TypedText.Check($"{name}[{i}]", list[i], TextShape.Name, MaxName, required: true) is { } error)
                {
                    yield return error;
                }
                else if (!seen.Add(TypedText.Clean(list[i], TextShape.Name)))
                {
                    yield return new FieldError($"{name}[{i}]", "names the same group twice");
                }
            }
        }
    }

    public static string Plural(GroupKind kind) => kind switch
    {
        GroupKind.Team => "teams",
        GroupKind.Unit => "units",
        _ => "districts",
    };

    /// <summary>The name a join's field carries (team, unit, district).</summary>
    public static string Field(GroupKind kind) => kind.ToString().ToLowerInvariant();

    private static string[] Clean(IReadOnlyList<string> names) => [.. names.Select(n => TypedText.Clean(n, TextShape.Name)).Where(n => n.Length > 0).Distinct()];
}
