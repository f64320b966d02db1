using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>Adds one question; a key already used in the bank is a conflict (edit that question instead).</summary>
public sealed record AddQuestion(string BankId, QuestionDraft Draft) : ICommand<Question>, IValidated, IAudited
{
    public string AuditTarget => $"bank:{BankId}";

    public IEnumerable<FieldError> Validate() => BankChanges.FieldErrors(Draft);
}

public sealed class AddQuestionHandler(IBankStore store, TimeProvider clock) : ICommandHandler<AddQuestion, Question>
{
    public async ValueTask<Question> Handle(AddQuestion command, CancellationToken cancellationToken)
    {
        var checkedQuestion = QuestionRules.Check(command.Draft, [])!;
        return await BankChanges.CommitAsync<Question>(store, command.BankId, bank =>
        {
            if (checkedQuestion.Key is { } key && bank.Questions.Any(q => q.Key == key))
            {
                throw BankChanges.KeyTaken(bank.Bank.Id, key);
            }
            var question = checkedQuestion with
            {
                Id = QuestionIds.NewQuestionId(),
                BankId = bank.Bank.Id,
                UpdatedAt = clock.GetUtcNow(),
            };
            return ([question], question);
        }, cancellationToken);
    }
}
