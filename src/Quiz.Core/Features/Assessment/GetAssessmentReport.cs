using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The indicator of an assessment: the city and every district against its target. Aggregates only: no person,
/// no score of anyone, so the big screen may show it. Computed from the stored first attempts on every call.
/// </summary>
public sealed record GetAssessmentReport(string ContestId) : IQuery<AssessmentReport>;

public sealed class GetAssessmentReportHandler(IAssessmentStore store) : IQueryHandler<GetAssessmentReport, AssessmentReport>
{
    public async ValueTask<AssessmentReport> Handle(GetAssessmentReport query, CancellationToken cancellationToken)
    {
        var setup = await store.GetSetupAsync(query.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", query.ContestId);
        var results = await store.ReadResultsAsync(query.ContestId, cancellationToken);
        var profiles = await store.ReadProfilesAsync(query.ContestId, cancellationToken);
        var margins = await store.GetMarginsAsync(query.ContestId, cancellationToken);
        return AssessmentCalculator.Compute(setup, results, profiles, margins);
    }
}
