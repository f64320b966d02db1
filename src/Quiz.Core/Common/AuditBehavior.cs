using Mediator;
using Microsoft.Extensions.Logging;
using Quiz.Core.Audit;

namespace Quiz.Core.Common;

/// <summary>
/// Appends every <see cref="IAudited"/> message to the audit log with its actor and outcome (done, refused: code, failed).
/// Other messages pass straight through; answers are never audited. A log write that fails is logged, not thrown:
/// the action has happened by then.
/// </summary>
public sealed partial class AuditBehavior<TMessage, TResponse>(IAuditLog log, TimeProvider clock, ILogger<AuditBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IAudited audited)
        {
            return await next(message, cancellationToken);
        }
        var scope = AuditScope.Open();
        try
        {
            var response = await next(message, cancellationToken);
            var outcome = response as IAuditOutcome;
            await AppendAsync(audited, "done", outcome?.Before ?? scope.Before, outcome?.After ?? scope.After);
            return response;
        }
        catch (DomainException ex)
        {
            await AppendAsync(audited, $"refused: {ex.Code}", null, null);
            throw;
        }
        catch (QuizValidationException)
        {
            await AppendAsync(audited, "refused: invalid", null, null);
            throw;
        }
        finally
        {
            AuditScope.Close();
        }
    }

    private async Task AppendAsync(IAudited message, string outcome, object? before, object? after)
    {
        var entry = new AuditEntry(clock.GetUtcNow().ToUnixTimeMilliseconds(), Actor.Current, typeof(TMessage).Name,
            message.AuditTarget, outcome, message.AuditInput, before, after);
        try
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NotRecorded(logger, ex, entry.Action, entry.Target);
        }
    }

    [LoggerMessage(LogLevel.Error, "Audit entry not recorded: {Action} on {Target}")]
    private static partial void NotRecorded(ILogger logger, Exception exception, string action, string target);
}
