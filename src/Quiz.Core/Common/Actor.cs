namespace Quiz.Core.Common;

/// <summary>
/// Who is acting, for the audit log: set by the edges (HTTP middleware, hub filter) around each request or hub call.
/// Ambient on purpose: the messages stay free of a field every handler would have to carry and nobody may forge.
/// </summary>
public static class Actor
{
    public const string System = "system";

    private static readonly AsyncLocal<string?> Current_ = new();

    public static string Current => Current_.Value ?? System;

    public static IDisposable Use(string actor)
    {
        var previous = Current_.Value;
        Current_.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Current_.Value = previous;
    }
}
