using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>Every team's seat code, for the host to hand to the teams' phones or buzzer devices. Audited: the codes are credentials.</summary>
public sealed record GetSeats(string ContestId) : IQuery<IReadOnlyList<StageSeat>>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed class GetSeatsHandler(LiveRooms rooms) : IQueryHandler<GetSeats, IReadOnlyList<StageSeat>>
{
    public async ValueTask<IReadOnlyList<StageSeat>> Handle(GetSeats query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        var setup = contest.Stage ?? throw new DomainException("no_stage", "This contest has no stage teams.");
        return [.. setup.Teams.Select((t, i) => new StageSeat(i, t.Name, SeatCodes.For(contest, i)))];
    }
}
