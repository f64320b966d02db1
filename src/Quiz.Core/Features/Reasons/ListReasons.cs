using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Reasons;

/// <summary>The catalogued error tables, each served to the pages that render its errors in their own language.</summary>
public enum ReasonTable
{
    /// <summary>Bank imports, exports and edits (GET /api/banks/reasons).</summary>
    Bank,

    /// <summary>Contest setup: the stage and the rounds' draw rules (GET /api/contests/stage-reasons).</summary>
    Stage,

    /// <summary>Roster sheets and people (GET /api/contests/roster-reasons); file-level problems keep the bank codes.</summary>
    Roster,
    /// <summary>The literacy assessment: margins files and the statuses of districts (GET /api/assessments/reasons).</summary>
    Assessment,
}

/// <summary>Every error code of one table with its English and Chinese texts, for pages that render errors themselves.</summary>
public sealed record ListReasons(ReasonTable Table) : IQuery<IReadOnlyList<ReasonText>>;

public sealed class ListReasonsHandler : IQueryHandler<ListReasons, IReadOnlyList<ReasonText>>
{
    public ValueTask<IReadOnlyList<ReasonText>> Handle(ListReasons query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<ReasonText>>(query.Table switch
        {
            ReasonTable.Stage => [.. StageReasons.All, .. TextReasons.All],
            ReasonTable.Roster => [.. RosterReasons.All, .. TextReasons.All],
            ReasonTable.Assessment => AssessmentReasons.All,
            _ => BankReasons.All,
        });
}
