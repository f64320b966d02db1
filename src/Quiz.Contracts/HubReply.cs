namespace Quiz.Contracts;

/// <summary>
/// What every hub method returns: its value, or a refusal with a stable code. A refusal is an answer, not a
/// failure of the call, so clients read <see cref="Error"/>'s code as data instead of parsing an exception's text.
/// </summary>
public sealed record HubReply<T>(bool Ok, T? Value, HubError? Error)
{
    public static HubReply<T> Of(T value) => new(true, value, null);

    public static HubReply<T> Refused(HubError error) => new(false, default, error);
}

/// <summary>
/// A refusal: <see cref="Code"/> is one of those documented per method (docs/protocol.md), <see cref="Message"/> is
/// for people, <see cref="Errors"/> names the fields of an <c>invalid</c> request.
/// </summary>
public sealed record HubError(string Code, string Message, IReadOnlyList<HubFieldError>? Errors = null);

public sealed record HubFieldError(string Field, string Message, string? Code = null);

/// <summary>The codes hub methods refuse with that are not a domain rule's own (those come from the rule, e.g. invalid_move).</summary>
public static class HubErrors
{
    public const string NotJoined = "not_joined";
    public const string NotSeated = "not_seated";
    public const string Superseded = "superseded";
    public const string RateLimited = "rate_limited";
    public const string Forbidden = "forbidden";
    public const string Busy = "busy";
    public const string Invalid = "invalid";
    public const string Unavailable = "unavailable";
    public const string Failed = "failed";
}
