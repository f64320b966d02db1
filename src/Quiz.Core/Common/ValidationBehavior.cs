using Mediator;

namespace Quiz.Core.Common;

/// <summary>First in the pipeline: a malformed message never reaches its handler.</summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidated validated)
        {
            var errors = validated.Validate().ToList();
            if (errors.Count > 0)
            {
                throw new QuizValidationException(errors);
            }
        }
        return next(message, cancellationToken);
    }
}
