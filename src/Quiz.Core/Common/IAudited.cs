namespace Quiz.Core.Common;

/// <summary>
/// A privileged message: <see cref="AuditBehavior{TMessage,TResponse}"/> appends who sent it, when, on what, and how it
/// ended to the audit log. Only <see cref="AuditTarget"/> and <see cref="AuditInput"/> are recorded, never the whole
/// message, so passwords and uploaded files stay out.
/// </summary>
public interface IAudited
{
    string AuditTarget { get; }

    object? AuditInput => null;
}

/// <summary>A response that tells the audit log the state before and after the change.</summary>
public interface IAuditOutcome
{
    object? Before { get; }

    object? After { get; }
}
