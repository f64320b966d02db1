using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>Checks a host key against the contest's stored hash; the host console proves itself with it once per connection.</summary>
public sealed record AuthorizeHost(string ContestId, string HostKey) : IQuery<string>;

public sealed class AuthorizeHostHandler(LiveRooms rooms, IContestStore store) : IQueryHandler<AuthorizeHost, string>
{
    public async ValueTask<string> Handle(AuthorizeHost query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        if (string.IsNullOrEmpty(query.HostKey) || !Ids.Matches(query.HostKey, contest.HostKeyHash))
        {
            throw new DomainException("forbidden", "This host key does not open this contest.");
        }
        return await store.GetJoinCodeAsync(query.ContestId, cancellationToken) ?? "";
    }
}
