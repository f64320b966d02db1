using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

public sealed record CreateBank(string Name) : ICommand<Bank>, IValidated, IAudited
{
    public string AuditTarget => "bank:new";

    public object? AuditInput => new { Name };

    public IEnumerable<FieldError> Validate() => BankChanges.NameErrors(Name);
}

public sealed class CreateBankHandler(IBankStore store) : ICommandHandler<CreateBank, Bank>
{
    public async ValueTask<Bank> Handle(CreateBank command, CancellationToken cancellationToken) =>
        await store.CreateAsync(TypedText.Clean(command.Name, TextShape.Line), cancellationToken);
}
