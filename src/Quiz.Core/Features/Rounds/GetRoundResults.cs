using Mediator;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// Every ended attempt ranked, with unit and district boards and the integrity signals; for the organizer (at any
/// time, the page and exports), never for participants. Audited: it discloses every participant's record.
/// </summary>
public sealed record GetRoundResults(string ContestId) : IQuery<RoundResults>, Common.IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed class GetRoundResultsHandler(OnlineRounds rounds, IAttemptStore attempts, IBoardAudit audit) : IQueryHandler<GetRoundResults, RoundResults>
{
    public async ValueTask<RoundResults> Handle(GetRoundResults query, CancellationToken cancellationToken)
    {
        var setup = await rounds.GetAsync(query.ContestId, cancellationToken);
        var results = await attempts.ReadResultsAsync(query.ContestId, cancellationToken);
        var people = await audit.ReadParticipantsAsync(query.ContestId, cancellationToken);
        var (devices, signals) = await attempts.ReadIntegrityAsync(query.ContestId, cancellationToken);
        return RoundTally.Build(setup.Contest, results, people, new RoundSignals(devices, signals, results),
            await attempts.CountStartedAsync(query.ContestId, cancellationToken));
    }
}
