using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The roster's phone numbers for a results export: masked, or in full for an organizer who asks (the edge checks
/// the role). Audited either way. Empty for a contest without a roster.
/// </summary>
public sealed record GetRosterPhones(string ContestId, bool Full) : IQuery<IReadOnlyDictionary<string, string>>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Full };
}

public sealed class GetRosterPhonesHandler(IRosterStore roster, IPhoneProtector protector) : IQueryHandler<GetRosterPhones, IReadOnlyDictionary<string, string>>
{
    public async ValueTask<IReadOnlyDictionary<string, string>> Handle(GetRosterPhones query, CancellationToken cancellationToken) =>
        (await roster.GetPhonesAsync(query.ContestId, cancellationToken)).ToDictionary(
            kv => kv.Key, kv => query.Full ? protector.Unprotect(kv.Value) : Phones.Mask(protector.Unprotect(kv.Value)));
}
