using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>The assessment setup of a contest (404 when it is not an assessment).</summary>
public sealed record GetAssessment(string ContestId) : IQuery<AssessmentSetup>;

public sealed class GetAssessmentHandler(IAssessmentStore store) : IQueryHandler<GetAssessment, AssessmentSetup>
{
    public async ValueTask<AssessmentSetup> Handle(GetAssessment query, CancellationToken cancellationToken) =>
        await store.GetSetupAsync(query.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", query.ContestId);
}
