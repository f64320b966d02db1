using Mediator;

namespace Quiz.Core.Contests;

/// <summary>
/// Published once when an online-round attempt ends, whether the person submitted it or the deadline did. The online
/// round knows nothing of who listens (the literacy assessment does). Scores are points as the paper awards them;
/// <see cref="ScoreByCategory"/> and <see cref="MaxByCategory"/> are keyed by the first segment of each question's
/// category (科学知识/物理 counts under 科学知识).
/// </summary>
public sealed record AttemptSubmitted(
    string ContestId,
    string ParticipantId,
    double Score,
    double MaxScore,
    IReadOnlyDictionary<string, double> ScoreByCategory,
    IReadOnlyDictionary<string, double> MaxByCategory,
    long StartedAtMs,
    long SubmittedAtMs,
    bool Automatic) : INotification;
