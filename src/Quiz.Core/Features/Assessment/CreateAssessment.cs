using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// Makes a contest an assessment: stores which bank and blueprint its online round draws from and the targets the
/// figures are judged against. The contest id is the online round's; this does not create the round (the online
/// round does, from <see cref="AssessmentSetup.Blueprint"/>). Anything left out takes the national survey's split and
/// the action plan's targets; with no bank given, the shipped 科学素质测评题库. Setting it again replaces it (audited).
/// </summary>
public sealed record CreateAssessment(
    string ContestId,
    string? BankId = null,
    IReadOnlyList<BlueprintRule>? Blueprint = null,
    double? PointsPerItem = null,
    double? CityTarget = null,
    IReadOnlyDictionary<string, double>? Targets = null) : ICommand<AssessmentSetup>, IValidated, IAudited
{
    /// <summary>The bank the server imports once at start from AssessmentData/.</summary>
    public const string ShippedBankName = "科学素质测评题库";

    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { BankId, Items = Blueprint?.Sum(r => r?.Count ?? 0), PointsPerItem, CityTarget, Targets };

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ContestId) || ContestId.Length > 64)
        {
            yield return new FieldError("contestId", "is required, at most 64 characters");
        }
        var blueprint = Blueprint is { Count: > 0 } ? Blueprint : AssessmentDefaults.Blueprint;
        var points = PointsPerItem ?? AssessmentDefaults.PointsPerItem;
        if (blueprint.Any(r => r is null || r.Count < 1) || blueprint.Sum(r => (long)r.Count) > 500)
        {
            yield return new FieldError("blueprint", "each rule draws at least 1 question, 500 in all at most");
        }
        else if (Math.Abs(blueprint.Sum(r => r.Count) * points - 100) > 1e-9)
        {
            yield return new FieldError("pointsPerItem", $"{blueprint.Sum(r => r.Count)} items of {points} points make {blueprint.Sum(r => r.Count) * points}, not 100");
        }
        if (CityTarget is { } city && city is <= 0 or >= 100)
        {
            yield return new FieldError("cityTarget", "is a percentage between 0 and 100");
        }
        foreach (var (district, target) in Targets ?? new Dictionary<string, double>())
        {
            if (!ProfileCodes.IsDistrict(district))
            {
                yield return new FieldError($"targets.{district}", $"is not one of {string.Join("、", ProfileCodes.Districts)}");
            }
            else if (target is <= 0 or >= 100)
            {
                yield return new FieldError($"targets.{district}", "is a percentage between 0 and 100");
            }
        }
    }
}

public sealed class CreateAssessmentHandler(IAssessmentStore store, IBankStore banks, TimeProvider clock) : ICommandHandler<CreateAssessment, AssessmentSetup>
{
    public async ValueTask<AssessmentSetup> Handle(CreateAssessment command, CancellationToken cancellationToken)
    {
        var bankId = command.BankId
            ?? (await banks.ListAsync(cancellationToken)).FirstOrDefault(b => b.Name == CreateAssessment.ShippedBankName)?.Id
            ?? throw new DomainException("no_bank", $"No bankId was given and the shipped bank {CreateAssessment.ShippedBankName} is not loaded.");
        var bank = await banks.LoadAsync(bankId, cancellationToken) ?? throw DomainException.NotFound("Bank", bankId);
        var blueprint = command.Blueprint is { Count: > 0 } given ? given : AssessmentDefaults.Blueprint;
        // Refuse a blueprint the bank cannot fill now, rather than at the first participant's draw.
        var draw = PaperDrawer.Draw(bankId, bank.Questions, blueprint, 1);
        if (draw.Shortfalls.Count > 0)
        {
            throw new DomainException("blueprint_short", string.Join("; ", draw.Shortfalls.Select(s => s.Message)));
        }
        var targets = new Dictionary<string, double>(AssessmentDefaults.Targets);
        var city = command.CityTarget ?? AssessmentDefaults.CityTarget;
        foreach (var district in AssessmentDefaults.AtCityAverage)
        {
            targets[district] = city;
        }
        foreach (var (district, target) in command.Targets ?? new Dictionary<string, double>())
        {
            targets[district] = target;
        }
        var setup = new AssessmentSetup(command.ContestId, bankId, blueprint, command.PointsPerItem ?? AssessmentDefaults.PointsPerItem,
            city, targets, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await store.SaveSetupAsync(setup, cancellationToken);
        return setup;
    }
}

/// <summary>The assessment setup of a contest (404 when it is not an assessment).</summary>
public sealed record GetAssessment(string ContestId) : IQuery<AssessmentSetup>;

public sealed class GetAssessmentHandler(IAssessmentStore store) : IQueryHandler<GetAssessment, AssessmentSetup>
{
    public async ValueTask<AssessmentSetup> Handle(GetAssessment query, CancellationToken cancellationToken) =>
        await store.GetSetupAsync(query.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", query.ContestId);
}
