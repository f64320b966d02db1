using Mediator;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>The shipped stage-contest templates an organizer can start from.</summary>
public sealed record ListStageTemplates : IQuery<IReadOnlyList<StageTemplate>>;

public sealed class ListStageTemplatesHandler : IQueryHandler<ListStageTemplates, IReadOnlyList<StageTemplate>>
{
    public ValueTask<IReadOnlyList<StageTemplate>> Handle(ListStageTemplates query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StageTemplates.All);
}
