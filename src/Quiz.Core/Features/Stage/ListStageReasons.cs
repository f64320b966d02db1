using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>Every stage-setup error code with its English and Chinese texts, for the stage editor to render errors itself.</summary>
public sealed record ListStageReasons : IQuery<IReadOnlyList<ReasonText>>;

public sealed class ListStageReasonsHandler : IQueryHandler<ListStageReasons, IReadOnlyList<ReasonText>>
{
    public ValueTask<IReadOnlyList<ReasonText>> Handle(ListStageReasons query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(StageReasons.All);
}
