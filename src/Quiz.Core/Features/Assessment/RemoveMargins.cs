using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The organizer takes the uploaded margins away (a wrong file, or figures to be shown raw only): every share is raw
/// again. Audited; true when there were margins to remove, false when there were none (nothing changes then).
/// </summary>
public sealed record RemoveMargins(string ContestId) : ICommand<bool>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";
}

public sealed class RemoveMarginsHandler(IAssessmentStore store) : ICommandHandler<RemoveMargins, bool>
{
    public async ValueTask<bool> Handle(RemoveMargins command, CancellationToken cancellationToken)
    {
        _ = await store.GetSetupAsync(command.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", command.ContestId);
        return await store.DeleteMarginsAsync(command.ContestId, cancellationToken);
    }
}
