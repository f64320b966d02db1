using Mediator;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>How many participants have an answer stored for a question.</summary>
public sealed record CountAnswers(string ContestId, int Seq) : IQuery<int>;

public sealed class CountAnswersHandler(IBoardStore boards) : IQueryHandler<CountAnswers, int>
{
    public async ValueTask<int> Handle(CountAnswers query, CancellationToken cancellationToken) =>
        await boards.CountAnswersAsync(query.ContestId, query.Seq, cancellationToken);
}
