using System.Security.Cryptography;
using Mediator;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Banks;

/// <summary>
/// Draws a paper from a bank by rules. With a seed the draw is reproducible (same seed, same bank content, same
/// paper); without one a fresh seed is chosen and returned, for the caller to store with the attempt.
/// </summary>
public sealed record DrawPaper(string BankId, IReadOnlyList<BlueprintRule> Rules, long? Seed = null) : IQuery<DrawOutcome>, IValidated
{
    public const int MaxQuestions = 500;

    public IEnumerable<FieldError> Validate()
    {
        if (Rules is not { Count: > 0 } || Rules.Any(r => r is null))
        {
            yield return new FieldError("rules", "at least one rule, none of them null");
            yield break;
        }
        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Count < 1)
            {
                yield return new FieldError($"rules[{i}].count", "at least 1");
            }
            foreach (var error in Rules[i].FilterErrors($"rules[{i}]"))
            {
                yield return error;
            }
        }
        if (Rules.Sum(r => (long)r.Count) > MaxQuestions)
        {
            yield return new FieldError("rules", $"a paper has at most {MaxQuestions} questions");
        }
    }
}

public sealed class DrawPaperHandler(IBankStore store) : IQueryHandler<DrawPaper, DrawOutcome>
{
    public async ValueTask<DrawOutcome> Handle(DrawPaper query, CancellationToken cancellationToken)
    {
        var bank = await BankChanges.LoadAsync(store, query.BankId, cancellationToken);
        var seed = query.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        return PaperDrawer.Draw(bank.Bank.Id, bank.Questions, query.Rules, seed);
    }
}
