using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

public sealed record DeleteBank(string BankId) : ICommand, IAudited
{
    public string AuditTarget => $"bank:{BankId}";
}

public sealed class DeleteBankHandler(IBankStore store) : ICommandHandler<DeleteBank>
{
    public async ValueTask<Unit> Handle(DeleteBank command, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(command.BankId, cancellationToken))
        {
            throw DomainException.NotFound("Bank", command.BankId);
        }
        return Unit.Value;
    }
}
