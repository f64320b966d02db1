using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

public sealed record GetBank(string BankId) : IQuery<Bank>;

public sealed class GetBankHandler(IBankStore store) : IQueryHandler<GetBank, Bank>
{
    public async ValueTask<Bank> Handle(GetBank query, CancellationToken cancellationToken) =>
        await store.FindAsync(query.BankId, cancellationToken) ?? throw DomainException.NotFound("Bank", query.BankId);
}
