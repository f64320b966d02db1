using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The whole person board with each participant's profile, best first, ranked as the live boards rank it; for the
/// organizer's result export, never for clients of the hub (they get only the top and their own row).
/// </summary>
/// <summary>Audited: a results export is a disclosure of every participant's record.</summary>
public sealed record GetResults(string ContestId) : IQuery<IReadOnlyList<ResultRow>>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed record ResultRow(int Rank, string ParticipantId, string Nickname, string? Team, string? Unit, string? District, double Score, long TimeMs);

public sealed class GetResultsHandler(LiveRooms rooms, IBoardAudit audit) : IQueryHandler<GetResults, IReadOnlyList<ResultRow>>
{
    public async ValueTask<IReadOnlyList<ResultRow>> Handle(GetResults query, CancellationToken cancellationToken)
    {
        _ = await rooms.GetContestAsync(query.ContestId, cancellationToken); // 404 for an unknown contest
        var board = await audit.ReadBoardAsync(query.ContestId, cancellationToken);
        var people = await audit.ReadParticipantsAsync(query.ContestId, cancellationToken);
        return [.. board.Select((row, i) =>
        {
            var who = people.GetValueOrDefault(row.ParticipantId);
            return new ResultRow(i + 1, row.ParticipantId, who?.Nickname ?? row.ParticipantId, who?.Team, who?.Unit, who?.District, row.Points, row.TimeMs);
        })];
    }
}
