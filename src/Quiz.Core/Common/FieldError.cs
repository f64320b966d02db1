namespace Quiz.Core.Common;

/// <summary>One specific problem: which field, and why, in words an organizer can act on.</summary>
public sealed record FieldError(string Field, string Message);
