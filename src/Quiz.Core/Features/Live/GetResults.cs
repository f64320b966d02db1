using Mediator;
using Quiz.Core.Boards;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The whole person board with each participant's profile, ranked as every board ranks (<see cref="Ranking"/>); for
/// the organizer's result export, never for clients of the hub (they get only the top and their own row).
/// Audited: a results export is a disclosure of every participant's record.
/// </summary>
public sealed record GetResults(string ContestId) : IQuery<IReadOnlyList<ResultRow>>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed record ResultRow(int Rank, string ParticipantId, string Nickname, string? Team, string? Unit, string? District, double Score, long TimeMs);

public sealed class GetResultsHandler(LiveRooms rooms, IBoardAudit audit) : IQueryHandler<GetResults, IReadOnlyList<ResultRow>>
{
    public async ValueTask<IReadOnlyList<ResultRow>> Handle(GetResults query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken); // 404 for an unknown contest
        if (contest.Online is not null)
        {
            throw new DomainException("online_round", "An online round's results are at /api/rounds/{id}/results.csv (and .xlsx).");
        }
        var board = await audit.ReadBoardAsync(query.ContestId, cancellationToken);
        var people = await audit.ReadParticipantsAsync(query.ContestId, cancellationToken);
        return [.. Ranking.Ranked(board).Select(r =>
        {
            var who = people.GetValueOrDefault(r.Row.ParticipantId);
            return new ResultRow(r.Rank, r.Row.ParticipantId, who?.Nickname ?? r.Row.ParticipantId, who?.Team, who?.Unit, who?.District, r.Row.Points, r.Row.TimeMs);
        })];
    }
}
