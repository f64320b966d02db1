using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The item analysis of an assessment (p, point-biserial discrimination, distractors per item of the pool) from the
/// round's ended attempts, for the organizer: it holds the keys, so it is audited like every export and never public.
/// It reads the round's stores as the round's own statistics do; the round itself is not called.
/// </summary>
public sealed record GetItemAnalysis(string ContestId, string Format) : IQuery<ItemAnalysisReport>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Format };
}

public sealed class GetItemAnalysisHandler(IAssessmentStore store, OnlineRounds rounds, IAttemptStore attempts) : IQueryHandler<GetItemAnalysis, ItemAnalysisReport>
{
    public async ValueTask<ItemAnalysisReport> Handle(GetItemAnalysis query, CancellationToken cancellationToken)
    {
        _ = await store.GetSetupAsync(query.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", query.ContestId);
        var setup = await rounds.GetAsync(query.ContestId, cancellationToken);
        return ItemAnalysis.Build(query.ContestId, setup.Pool, await attempts.ReadResultsAsync(query.ContestId, cancellationToken));
    }
}
