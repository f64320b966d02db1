using Mediator;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>Per-question statistics of the round's pool from every ended attempt; for the organizer.</summary>
public sealed record GetQuestionStats(string ContestId) : IQuery<IReadOnlyList<QuestionStat>>, Common.IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed class GetQuestionStatsHandler(OnlineRounds rounds, IAttemptStore attempts) : IQueryHandler<GetQuestionStats, IReadOnlyList<QuestionStat>>
{
    public async ValueTask<IReadOnlyList<QuestionStat>> Handle(GetQuestionStats query, CancellationToken cancellationToken)
    {
        var setup = await rounds.GetAsync(query.ContestId, cancellationToken);
        return QuestionStats.Build(setup, await attempts.ReadResultsAsync(query.ContestId, cancellationToken));
    }
}
