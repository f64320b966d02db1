using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Features.Rounds;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The first step of making an assessment in one go: checks what the organizer gave and returns the online round to
/// create (the assessment bank, 20 + 10 + 10 + 10 items of 2 points, balanced by subcategory and difficulty band:
/// <see cref="PaperBalance"/>). The endpoint sends that
/// <see cref="CreateOnlineRound"/> and then <see cref="CreateAssessment"/>, so each use case stays one handler and
/// both privileged steps are audited. Targets are checked here too, so a bad target never leaves a round behind.
/// </summary>
public sealed record PlanAssessmentRound(
    string Title,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int TimeLimitSeconds,
    bool SelfRegistration = false,
    string? BankId = null,
    double? CityTarget = null,
    IReadOnlyDictionary<string, double>? Targets = null) : IQuery<CreateOnlineRound>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        // The round's own checks (title, window, limit) run again when it is sent; here they come before any write.
        var round = new CreateOnlineRound(Title, OpensAt, ClosesAt, TimeLimitSeconds, BankId ?? "shipped", AssessmentDefaults.Blueprint,
            AssessmentDefaults.PointsPerItem);
        return round.Validate().Concat(AssessmentTargets.Check(CityTarget, Targets));
    }
}

public sealed class PlanAssessmentRoundHandler(IBankStore banks, IQuestionSource questions) : IQueryHandler<PlanAssessmentRound, CreateOnlineRound>
{
    public async ValueTask<CreateOnlineRound> Handle(PlanAssessmentRound query, CancellationToken cancellationToken)
    {
        var bankId = query.BankId
            ?? (await banks.ListAsync(cancellationToken)).FirstOrDefault(b => b.Name == CreateAssessment.ShippedBankName)?.Id
            ?? throw new DomainException("no_bank", $"No bankId was given and the shipped bank {CreateAssessment.ShippedBankName} is not loaded.");
        var blueprint = PaperBalance.For(await questions.GetActiveQuestionsAsync(bankId, cancellationToken));
        // Results (each person's score and rank) at the close; the keys are never released: an online round reveals none.
        return new CreateOnlineRound(query.Title, query.OpensAt, query.ClosesAt, query.TimeLimitSeconds, bankId, blueprint,
            AssessmentDefaults.PointsPerItem, SelfRegistration: query.SelfRegistration);
    }
}
