using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The organizer uploads the population margins (CSV, see docs/assessment.md) the weighted shares are raked to. Every
/// bad row or field is reported and nothing is stored unless the whole file is good; a good file replaces the last.
/// </summary>
public sealed record LoadMargins(string ContestId, ReadOnlyMemory<byte> Csv) : ICommand<MarginsSummary>, IValidated, IAudited
{
    public const int MaxBytes = 1024 * 1024;

    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Bytes = Csv.Length };

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ContestId) || ContestId.Length > 64)
        {
            return [new FieldError("contestId", "is required")];
        }
        if (Csv.Length is 0 or > MaxBytes)
        {
            return [FieldError.Of("file", AssessmentReasons.Size.With(("mb", MaxBytes / 1024 / 1024)))];
        }
        return MarginsCsv.Read(Csv, 0).Errors;
    }
}

/// <summary>
/// Which districts now have margins, and their populations (each the district's sex total: the rule is shown with
/// the totals of every dimension, so an organizer sees which number was taken).
/// </summary>
public sealed record MarginsSummary(IReadOnlyDictionary<string, double> Populations, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Totals)
{
    public static MarginsSummary Of(PopulationMargins margins) => new(
        margins.Districts.ToDictionary(d => d.Key, d => d.Value.Population),
        margins.Districts.ToDictionary(d => d.Key, d => d.Value.Totals));
}

public sealed class LoadMarginsHandler(IAssessmentStore store, TimeProvider clock) : ICommandHandler<LoadMargins, MarginsSummary>
{
    public async ValueTask<MarginsSummary> Handle(LoadMargins command, CancellationToken cancellationToken)
    {
        _ = await store.GetSetupAsync(command.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", command.ContestId);
        var (margins, _) = MarginsCsv.Read(command.Csv, clock.GetUtcNow().ToUnixTimeMilliseconds());
        await store.SaveMarginsAsync(command.ContestId, margins!, cancellationToken);
        return MarginsSummary.Of(margins!);
    }
}
