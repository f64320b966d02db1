using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>Every bank error code with its English and Chinese texts, for pages that render errors themselves.</summary>
public sealed record ListBankReasons : IQuery<IReadOnlyList<ReasonText>>;

public sealed class ListBankReasonsHandler : IQueryHandler<ListBankReasons, IReadOnlyList<ReasonText>>
{
    public ValueTask<IReadOnlyList<ReasonText>> Handle(ListBankReasons query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(BankReasons.All);
}
