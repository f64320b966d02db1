namespace Quiz.Core.Banks;

/// <summary>What contests need from the banks: questions by id, and a bank's whole pool for drawing papers.</summary>
public interface IQuestionSource
{
    /// <summary>The questions with these ids, in the order asked; an id the bank lacks is a <c>not_found</c> refusal.</summary>
    ValueTask<IReadOnlyList<Question>> GetQuestionsAsync(string bankId, IReadOnlyList<string> questionIds, CancellationToken cancellationToken);

    /// <summary>Every question of the bank that is not retired.</summary>
    ValueTask<IReadOnlyList<Question>> GetActiveQuestionsAsync(string bankId, CancellationToken cancellationToken);
}
