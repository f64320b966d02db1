namespace Quiz.Core.Common;

/// <summary>A message that checks its own shape before any handler sees it.</summary>
public interface IValidated
{
    /// <summary>Every problem with the message, each naming its field; empty when it is well formed.</summary>
    IEnumerable<FieldError> Validate();
}
