using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

public sealed record RenameBank(string BankId, string Name) : ICommand<Bank>, IValidated, IAudited
{
    public string AuditTarget => $"bank:{BankId}";

    public object? AuditInput => new { Name };

    public IEnumerable<FieldError> Validate() => BankChanges.NameErrors(Name);
}

public sealed class RenameBankHandler(IBankStore store) : ICommandHandler<RenameBank, Bank>
{
    public async ValueTask<Bank> Handle(RenameBank command, CancellationToken cancellationToken)
    {
        if (!await store.RenameAsync(command.BankId, TypedText.Clean(command.Name, TextShape.Line), cancellationToken))
        {
            throw DomainException.NotFound("Bank", command.BankId);
        }
        return (await store.FindAsync(command.BankId, cancellationToken))!;
    }
}
