using System.Text.Json.Serialization;

namespace Quiz.Core.Common;

/// <summary>
/// One specific problem: which field, and why, in words an organizer can act on. Fields checked by a reason catalog
/// also carry its <see cref="Code"/> and <see cref="Args"/>, so a page can say the same in its own language.
/// </summary>
public sealed record FieldError(
    string Field,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Args = null)
{
    public static FieldError Of(string field, Reason reason) => new(field, reason.Message, reason.Code, reason.Args);
}
