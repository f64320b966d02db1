using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>Resume: the person's attempt as it stands (after a reload or on another device), with the time really left.</summary>
public sealed record GetAttempt(string ContestId, string Token, string? DeviceId) : IQuery<AttemptView>;

public sealed class GetAttemptHandler(RoundAccess access, IAttemptStore attempts, AttemptViewer viewer) : IQueryHandler<GetAttempt, AttemptView>
{
    public async ValueTask<AttemptView> Handle(GetAttempt query, CancellationToken cancellationToken)
    {
        var (setup, who) = await access.AuthenticateAsync(query.ContestId, query.Token, cancellationToken);
        var attempt = await attempts.GetAsync(query.ContestId, who.Id, cancellationToken)
            ?? throw new DomainException("not_found", "You have not started this round.");
        await DeviceLog.RecordAsync(attempts, query.ContestId, query.DeviceId, who.Id, cancellationToken);
        return await viewer.ViewAsync(setup, who, attempt, cancellationToken);
    }
}
