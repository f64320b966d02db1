using Mediator;
using Quiz.Core.Assessment;

namespace Quiz.Core.Features.Assessment;

/// <summary>Whether a contest is an assessment: the online round's page asks, so the round itself need not know.</summary>
public sealed record IsAssessment(string ContestId) : IQuery<bool>;

public sealed class IsAssessmentHandler(IAssessmentStore store) : IQueryHandler<IsAssessment, bool>
{
    public async ValueTask<bool> Handle(IsAssessment query, CancellationToken cancellationToken) =>
        await store.GetSetupAsync(query.ContestId, cancellationToken) is not null;
}
