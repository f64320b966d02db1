using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Banks;

namespace Quiz.Core.Features.Banks;

/// <summary>
/// Takes a question out of new papers and live play without deleting it: results and papers already drawn still
/// name it. Retiring twice is the same as once.
/// </summary>
public sealed record RetireQuestion(string BankId, string QuestionId) : ICommand<Question>, IAudited
{
    public string AuditTarget => $"bank:{BankId}/question:{QuestionId}";
}

public sealed class RetireQuestionHandler(IBankStore store, TimeProvider clock) : ICommandHandler<RetireQuestion, Question>
{
    public async ValueTask<Question> Handle(RetireQuestion command, CancellationToken cancellationToken) =>
        await BankChanges.CommitAsync<Question>(store, command.BankId, bank =>
        {
            var existing = BankChanges.Find(bank, command.QuestionId);
            if (existing.Retired)
            {
                return ([], existing);
            }
            var retired = existing with { Retired = true, UpdatedAt = clock.GetUtcNow() };
            return ([retired], retired);
        }, cancellationToken);
}
