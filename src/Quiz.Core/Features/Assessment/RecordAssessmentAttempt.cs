using Mediator;
using Microsoft.Extensions.Logging;
using Quiz.Core.Assessment;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// Listens to the online round: when an attempt on an assessment contest ends, records the respondent's first attempt
/// on 100 points with its tier. Later attempts of the same person, and the same notification delivered twice, change
/// nothing (the store writes with HSETNX). Contests that are not assessments are ignored.
/// </summary>
public sealed partial class RecordAssessmentAttempt(IAssessmentStore store, ILogger<RecordAssessmentAttempt> logger)
    : INotificationHandler<AttemptSubmitted>
{
    public async ValueTask Handle(AttemptSubmitted attempt, CancellationToken cancellationToken)
    {
        if (await store.GetSetupAsync(attempt.ContestId, cancellationToken) is null)
        {
            return;
        }
        if (attempt.MaxScore <= 0)
        {
            NoMaximum(logger, attempt.ContestId, attempt.ParticipantId);
            return;
        }
        var score = LiteracyTiers.Scale(attempt.Score, attempt.MaxScore);
        var dimensions = attempt.MaxByCategory.Where(m => m.Value > 0)
            .ToDictionary(m => m.Key, m => LiteracyTiers.Scale(attempt.ScoreByCategory.GetValueOrDefault(m.Key), m.Value));
        var participant = await store.FindParticipantAsync(attempt.ContestId, attempt.ParticipantId, cancellationToken);
        var result = new AssessmentResult(attempt.ParticipantId, score, LiteracyTiers.Of(score), dimensions, participant?.District,
            attempt.SubmittedAtMs, attempt.Automatic);
        if (!await store.TryRecordAsync(attempt.ContestId, result, cancellationToken))
        {
            NotFirst(logger, attempt.ContestId, attempt.ParticipantId);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Assessment {ContestId}: attempt of {ParticipantId} has no maximum score; not recorded")]
    private static partial void NoMaximum(ILogger logger, string contestId, string participantId);

    [LoggerMessage(LogLevel.Debug, "Assessment {ContestId}: {ParticipantId} already has a first attempt; this one is not counted")]
    private static partial void NotFirst(ILogger logger, string contestId, string participantId);
}
