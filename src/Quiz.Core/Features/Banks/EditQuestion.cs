using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>Replaces a question's content; its version goes up only if something actually changed.</summary>
public sealed record EditQuestion(string BankId, string QuestionId, QuestionDraft Draft) : ICommand<Question>, IValidated, IAudited
{
    public string AuditTarget => $"bank:{BankId}/question:{QuestionId}";

    public IEnumerable<FieldError> Validate() => BankChanges.FieldErrors(Draft);
}

public sealed class EditQuestionHandler(IBankStore store, TimeProvider clock) : ICommandHandler<EditQuestion, Question>
{
    public async ValueTask<Question> Handle(EditQuestion command, CancellationToken cancellationToken)
    {
        var content = QuestionRules.Check(command.Draft, [])!;
        return await BankChanges.CommitAsync<Question>(store, command.BankId, bank =>
        {
            var existing = BankChanges.Find(bank, command.QuestionId);
            if (content.Key is { } key && bank.Questions.Any(q => q.Key == key && q.Id != existing.Id))
            {
                throw BankChanges.KeyTaken(bank.Bank.Id, key);
            }
            var revised = content with { Id = existing.Id, BankId = existing.BankId, Retired = existing.Retired, Version = existing.Version, UpdatedAt = existing.UpdatedAt };
            if (QuestionIdentity.SameContent(revised, existing))
            {
                return ([], existing);
            }
            var saved = revised with { Version = existing.Version + 1, UpdatedAt = clock.GetUtcNow() };
            AuditScope.Record(Audited(existing), Audited(saved));
            return ([saved], saved);
        }, cancellationToken);
    }

    /// <summary>What an edit changes that matters afterwards: the content and its key.</summary>
    private static object Audited(Question q) => new
    {
        q.Version, q.Stem, q.Options, Answer = AnswerNotation.Format(q.Type, q.Answer), q.Explanation,
    };
}
