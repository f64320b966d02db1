using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Reasons;

/// <summary>The catalogued error tables, each served to the pages that render its errors in their own language.</summary>
public enum ReasonTable
{
    /// <summary>Bank imports, exports and edits (GET /api/banks/reasons).</summary>
    Bank,

    /// <summary>Contest setup: the stage and the rounds' draw rules (GET /api/contests/stage-reasons).</summary>
    Stage,
}

/// <summary>Every error code of one table with its English and Chinese texts, for pages that render errors themselves.</summary>
public sealed record ListReasons(ReasonTable Table) : IQuery<IReadOnlyList<ReasonText>>;

public sealed class ListReasonsHandler : IQueryHandler<ListReasons, IReadOnlyList<ReasonText>>
{
    public ValueTask<IReadOnlyList<ReasonText>> Handle(ListReasons query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ReasonText>>(query.Table == ReasonTable.Stage ? [.. StageReasons.All, .. TextReasons.All] : BankReasons.All);
}
