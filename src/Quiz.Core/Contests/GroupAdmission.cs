using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>The team, unit and district a participant gives, checked against the contest's groups (see <see cref="ContestGroups"/>).</summary>
public static class GroupAdmission
{
    /// <summary>The cleaned names to store; a name that is no choice of the contest is a field error, one past the free-text cap a refusal.</summary>
    public static async Task<(string? Team, string? Unit, string? District)> AdmitAsync(IGroupRegistry registry, string contestId, ContestGroups groups,
        string? team, string? unit, string? district, CancellationToken cancellationToken)
    {
        var (names, refused) = await TryAdmitAsync(registry, contestId, groups, team, unit, district, cancellationToken);
        return refused is null ? names : throw refused.ToException();
    }

    /// <summary>As <see cref="AdmitAsync"/>, with the refusal returned instead of thrown (the public join path).</summary>
    public static async Task<((string? Team, string? Unit, string? District) Names, Refusal? Refused)> TryAdmitAsync(IGroupRegistry registry,
        string contestId, ContestGroups groups, string? team, string? unit, string? district, CancellationToken cancellationToken)
    {
        (GroupKind Kind, string? Name)[] given =
        [
            (GroupKind.Team, TypedText.CleanOrNull(team, TextShape.Name)),
            (GroupKind.Unit, TypedText.CleanOrNull(unit, TextShape.Name)),
            (GroupKind.District, TypedText.CleanOrNull(district, TextShape.Name)),
        ];
        // Listed names need no store: only what the lists lack is asked about, in one round trip. A roster declares
        // units and districts, never teams, so an unlisted team with free text off is refused without asking.
        var unlisted = given.Where(g => g.Name is not null && !groups.Listed(g.Kind).Contains(g.Name, StringComparer.Ordinal))
            .Select(g => (g.Kind, Name: g.Name!, Free: groups.IsFree(g.Kind))).ToList();
        if (unlisted.FirstOrDefault(u => u.Kind == GroupKind.Team && !u.Free) is { Name: not null } unlistedTeam)
        {
            return (default, Refusal.Invalid([FieldError.Of(ContestGroups.Field(GroupKind.Team), TextReasons.NotListed.With(("value", unlistedTeam.Name)))]));
        }
        if (unlisted.Count > 0)
        {
            var outcomes = await registry.AdmitAsync(contestId, unlisted, ContestGroups.MaxFree, cancellationToken);
            var errors = unlisted.Zip(outcomes).Where(x => x.Second == GroupOutcome.NotListed)
                .Select(x => FieldError.Of(ContestGroups.Field(x.First.Kind), TextReasons.NotListed.With(("value", x.First.Name)))).ToList();
            if (errors.Count > 0)
            {
                return (default, Refusal.Invalid(errors));
            }
            if (unlisted.Zip(outcomes).FirstOrDefault(x => x.Second == GroupOutcome.Full) is { First.Name: not null } full)
            {
                return (default, new Refusal("group_limit", $"This contest takes at most {ContestGroups.MaxFree} {ContestGroups.Plural(full.First.Kind)} "
                    + "typed in by participants, and has them all; choose one of its listed ones."));
            }
        }
        return ((given[0].Name, given[1].Name, given[2].Name), null);
    }
}
