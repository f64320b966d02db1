namespace Quiz.Core.Common;

/// <summary>
/// A well-formed request the rules refuse (a move the room's state does not allow, a missing bank).
/// <see cref="Code"/> is stable for clients; the message is for people.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public DomainException(string code, Reason reason) : this(code, reason.Message) => Reason = reason;

    public string Code { get; } = code;

    /// <summary>The catalogued reason behind the refusal, when there is one, for pages that say it in their language.</summary>
    public Reason? Reason { get; }

    /// <summary>The fields the refusal is about, when it is about some (a blueprint rule the bank cannot fill).</summary>
    public IReadOnlyList<FieldError>? Fields { get; init; }

    public static DomainException NotFound(string what, string id) => new("not_found", $"{what} '{id}' does not exist.");
}
