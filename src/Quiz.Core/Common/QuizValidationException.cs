namespace Quiz.Core.Common;

/// <summary>A message was malformed; nothing was changed. The edges turn this into a 400 or a hub error.</summary>
public sealed class QuizValidationException(IReadOnlyList<FieldError> errors)
    : Exception(Refusal.Describe(errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
