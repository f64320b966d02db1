using Mediator;
using Quiz.Core.Contests;

namespace Quiz.Core.Common;

/// <summary>Counts ended online-round attempts for the operator's graphs (how many the deadline had to submit).</summary>
public sealed class AttemptCounter(QuizMetrics metrics) : INotificationHandler<AttemptSubmitted>
{
    public ValueTask Handle(AttemptSubmitted notification, CancellationToken cancellationToken)
    {
        metrics.AttemptEnded(notification.Automatic);
        return ValueTask.CompletedTask;
    }
}
