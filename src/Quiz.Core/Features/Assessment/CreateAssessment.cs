using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// Makes an existing online round an assessment: its bank, blueprint and points become the setup, with the targets
/// the figures are judged against (the action plan's unless given). The round must exist (404), be an online round
/// (409 <c>not_online_round</c>) and draw a 100-point paper on the 40/20/20/20 split (400 naming the blueprint).
/// The paper is the round's and never changes; setting it again replaces only the targets (audited).
/// </summary>
public sealed record CreateAssessment(
    string ContestId,
    double? CityTarget = null,
    IReadOnlyDictionary<string, double>? Targets = null) : ICommand<AssessmentSetup>, IValidated, IAudited
{
    /// <summary>The bank the server imports once at start from AssessmentData/.</summary>
    public const string ShippedBankName = "科学素质测评题库";

    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { CityTarget, Targets };

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ContestId) || ContestId.Length > 64)
        {
            yield return new FieldError("contestId", "is required, at most 64 characters");
        }
        foreach (var error in AssessmentTargets.Check(CityTarget, Targets))
        {
            yield return error;
        }
    }
}

public sealed class CreateAssessmentHandler(IAssessmentStore store, IContestStore contests, TimeProvider clock) : ICommandHandler<CreateAssessment, AssessmentSetup>
{
    public async ValueTask<AssessmentSetup> Handle(CreateAssessment command, CancellationToken cancellationToken)
    {
        var contest = await contests.GetAsync(command.ContestId, cancellationToken) ?? throw DomainException.NotFound("Contest", command.ContestId);
        var round = contest.Online
            ?? throw new DomainException("not_online_round", $"Contest '{command.ContestId}' is not an online round; only an online round can be an assessment.");
        var errors = AssessmentPaper.Check(round);
        if (round.Review)
        {
            // An assessment's items are a standing questionnaire: nobody may take its keys home.
            errors = [.. errors, new FieldError("review", "an assessment never shows its keys; create the round without review")];
        }
        if (errors.Count > 0)
        {
            throw new QuizValidationException(errors);
        }
        var city = command.CityTarget ?? AssessmentDefaults.CityTarget;
        var setup = new AssessmentSetup(command.ContestId, round.BankId, round.Blueprint, round.Points,
            city, AssessmentTargets.Resolve(city, command.Targets), clock.GetUtcNow().ToUnixTimeMilliseconds());
        await store.SaveSetupAsync(setup, cancellationToken);
        return setup;
    }
}
