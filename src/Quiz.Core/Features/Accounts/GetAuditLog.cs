using Mediator;
using Quiz.Core.Audit;

namespace Quiz.Core.Features.Accounts;

/// <summary>The audit log for organizers, newest first, a page at a time.</summary>
public sealed record GetAuditLog(int From, int Take) : IQuery<IReadOnlyList<AuditEntry>>;

public sealed class GetAuditLogHandler(IAuditLog log) : IQueryHandler<GetAuditLog, IReadOnlyList<AuditEntry>>
{
    public async ValueTask<IReadOnlyList<AuditEntry>> Handle(GetAuditLog query, CancellationToken cancellationToken) =>
        await log.ReadAsync(Math.Max(0, query.From), Math.Clamp(query.Take, 1, 500), cancellationToken);
}
