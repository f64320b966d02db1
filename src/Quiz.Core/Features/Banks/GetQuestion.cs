using Mediator;
using Quiz.Core.Banks;

namespace Quiz.Core.Features.Banks;

public sealed record GetQuestion(string BankId, string QuestionId) : IQuery<Question>;

public sealed class GetQuestionHandler(IBankStore store) : IQueryHandler<GetQuestion, Question>
{
    public async ValueTask<Question> Handle(GetQuestion query, CancellationToken cancellationToken) =>
        BankChanges.Find(await BankChanges.LoadAsync(store, query.BankId, cancellationToken), query.QuestionId);
}
