using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Quiz.Core.Common;

/// <summary>
/// Times every message and logs refusals and failures. Names only, never payloads: answers and rosters stay out of logs.
/// </summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Handled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return response;
        }
        catch (QuizValidationException ex)
        {
            Refused(logger, typeof(TMessage).Name, ex.Message);
            throw;
        }
        catch (DomainException ex)
        {
            Refused(logger, typeof(TMessage).Name, ex.Code);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(logger, ex, typeof(TMessage).Name);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Debug, "{Message} handled in {Elapsed:0.00} ms")]
    private static partial void Handled(ILogger logger, string message, double elapsed);

    [LoggerMessage(LogLevel.Information, "{Message} refused: {Reason}")]
    private static partial void Refused(ILogger logger, string message, string reason);

    [LoggerMessage(LogLevel.Error, "{Message} failed")]
    private static partial void Failed(ILogger logger, Exception exception, string message);
}
