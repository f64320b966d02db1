namespace Quiz.Core.Audit;

/// <summary>One privileged action: who, what, on what, when, how it ended, and the state before and after where known.</summary>
public sealed record AuditEntry(long AtMs, string Actor, string Action, string Target, string Outcome, object? Input, object? Before, object? After);

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);

    /// <summary>Newest first, skipping <paramref name="from"/> entries.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int from, int take, CancellationToken ct);
}
