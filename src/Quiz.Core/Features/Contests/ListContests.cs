using Mediator;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Contests;

/// <summary>
/// The organizers' contest list, newest first: title, kind, join code, status, head count. Status is the live room's
/// (lobby, open, closed, revealed, board, ended) or an online round's window (upcoming, open, closed). No secrets:
/// host keys exist only as hashes, so the host console is reopened by account.
/// </summary>
public sealed record ListContests(int Take = 200) : IQuery<IReadOnlyList<ContestListItem>>;

public sealed record ContestListItem(string ContestId, string Title, string Kind, string JoinCode, string Status, int Seq, int Questions,
    long Participants, DateTimeOffset CreatedAt, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt);

public sealed class ListContestsHandler(IContestStore store, TimeProvider clock) : IQueryHandler<ListContests, IReadOnlyList<ContestListItem>>
{
    public async ValueTask<IReadOnlyList<ContestListItem>> Handle(ListContests query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await store.ListAsync(Math.Clamp(query.Take, 1, 1000), cancellationToken);
        return [.. rows.Select(r =>
        {
            var s = r.Summary;
            var status = s.Kind == ContestSummary.Online ? Core.Rounds.OnlineRound.WindowStatus(now, s.OpensAtMs ?? 0, s.ClosesAtMs ?? 0) : r.RoomStatus;
            return new ContestListItem(s.Id, s.Title, s.Kind, r.JoinCode, status, r.Seq, s.Questions, r.Participants,
                DateTimeOffset.FromUnixTimeMilliseconds(s.CreatedAtMs), Time(s.OpensAtMs), Time(s.ClosesAtMs));
        })];
    }

    private static DateTimeOffset? Time(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;
}
