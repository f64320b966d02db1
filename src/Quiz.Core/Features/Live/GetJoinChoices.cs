using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>A contest's choices for the join form: its lists, plus the units and districts its roster brought. Public.</summary>
public sealed record GetJoinChoices(string ContestId) : IQuery<JoinChoices>;

public sealed class GetJoinChoicesHandler(LiveRooms rooms, IGroupRegistry registry) : IQueryHandler<GetJoinChoices, JoinChoices>
{
    public async ValueTask<JoinChoices> Handle(GetJoinChoices query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        var groups = contest.GroupsOrLegacy;
        async Task<IReadOnlyList<string>> ChoicesAsync(GroupKind kind) => kind == GroupKind.Team
            ? groups.Listed(kind)
            : [.. groups.Listed(kind).Union(await registry.DeclaredAsync(query.ContestId, kind, cancellationToken), StringComparer.Ordinal)];
        return new JoinChoices(contest.Title, await ChoicesAsync(GroupKind.Team), await ChoicesAsync(GroupKind.Unit), await ChoicesAsync(GroupKind.District),
            groups.FreeTeams, groups.FreeUnits, groups.FreeDistricts);
    }
}
