namespace Quiz.Core.Common;

/// <summary>
/// Where a handler notes the state before and after its change for the audit log, when its response does not carry
/// it (<see cref="IAuditOutcome"/>). The audit behaviour opens a scope around each audited message; outside one,
/// <see cref="Record"/> does nothing.
/// </summary>
public static class AuditScope
{
    private static readonly AsyncLocal<Holder?> Current = new();

    public static void Record(object? before, object? after)
    {
        if (Current.Value is { } holder)
        {
            (holder.Before, holder.After) = (before, after);
        }
    }

    internal static Holder Open() => Current.Value = new Holder();

    internal static void Close() => Current.Value = null;

    internal sealed class Holder
    {
        public object? Before { get; set; }

        public object? After { get; set; }
    }
}
