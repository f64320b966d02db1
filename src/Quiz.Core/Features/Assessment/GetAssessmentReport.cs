using System.Collections.Concurrent;
using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// The indicator of an assessment: the city and every district against its target. Aggregates only: no person,
/// no score of anyone. Computed from the stored first attempts on every call, so an organizer sees every attempt so far.
/// </summary>
public sealed record GetAssessmentReport(string ContestId) : IQuery<AssessmentReport>;

/// <summary>The same figures as a file for an organizer: audited, like every export.</summary>
public sealed record ExportAssessmentReport(string ContestId, string Format) : IQuery<AssessmentReport>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Format };
}

/// <summary>
/// The same figures for big screens, which anyone may open and which poll: each node computes them at most once per
/// <see cref="MaxAgeMs"/> per contest, so a hall of screens costs the store one read of the answers, not one each.
/// </summary>
public sealed record GetAssessmentScreen(string ContestId) : IQuery<AssessmentReport>
{
    public const long MaxAgeMs = 10_000;
}

public sealed class GetAssessmentReportHandler(IAssessmentStore store, TimeProvider clock) :
    IQueryHandler<GetAssessmentReport, AssessmentReport>,
    IQueryHandler<ExportAssessmentReport, AssessmentReport>,
    IQueryHandler<GetAssessmentScreen, AssessmentReport>
{
    private readonly ConcurrentDictionary<string, (long AtMs, AssessmentReport Report)> _screens = new();

    public ValueTask<AssessmentReport> Handle(GetAssessmentReport query, CancellationToken cancellationToken) =>
        ComputeAsync(query.ContestId, cancellationToken);

    public ValueTask<AssessmentReport> Handle(ExportAssessmentReport query, CancellationToken cancellationToken) =>
        ComputeAsync(query.ContestId, cancellationToken);

    public async ValueTask<AssessmentReport> Handle(GetAssessmentScreen query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_screens.TryGetValue(query.ContestId, out var cached) && now - cached.AtMs < GetAssessmentScreen.MaxAgeMs)
        {
            return cached.Report;
        }
        var report = await ComputeAsync(query.ContestId, cancellationToken);
        _screens[query.ContestId] = (now, report);
        return report;
    }

    private async ValueTask<AssessmentReport> ComputeAsync(string contestId, CancellationToken cancellationToken)
    {
        var setup = await store.GetSetupAsync(contestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", contestId);
        var results = await store.ReadResultsAsync(contestId, cancellationToken);
        var profiles = await store.ReadProfilesAsync(contestId, cancellationToken);
        var margins = await store.GetMarginsAsync(contestId, cancellationToken);
        return AssessmentCalculator.Compute(setup, results, profiles, margins);
    }
}
