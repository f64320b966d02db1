using Mediator;
using Quiz.Contracts;
using Quiz.Core.Boards;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// The top of every board (persons, teams, units) and the whole district board. <see cref="Live"/> is for hosts,
/// judges and organizers; everyone else (anonymous readers, big screens) gets the public board: while a question is
/// open or waits for its reveal, the board as it was when that question opened, so nobody can tell right from wrong
/// answers by watching the board move.
/// </summary>
public sealed record GetLeaderboard(string ContestId, int Top, bool Live = false) : IQuery<Leaderboard>;

public sealed class GetLeaderboardHandler(LiveRooms rooms, IBoardStore boards, IParticipantStore participants, TimeProvider clock)
    : IQueryHandler<GetLeaderboard, Leaderboard>
{
    /// <summary>The public board keeps this many persons; a request for more gets this many.</summary>
    public const int PublishedTop = 100;

    public async ValueTask<Leaderboard> Handle(GetLeaderboard query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        if (contest.Online is not null)
        {
            throw new DomainException("online_round", "An online round has no live board: its boards are at /api/rounds/{id}/boards once its results are released.");
        }
        var top = Math.Clamp(query.Top, 1, PublishedTop);
        var room = await rooms.RefreshAsync(query.ContestId, cancellationToken);
        if (!query.Live && Unrevealed(room, clock.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            var published = await boards.ReadPublishedAsync(query.ContestId, cancellationToken)
                ?? BoardRows.Empty(await participants.CountAsync(query.ContestId, cancellationToken));
            return BoardViews.Leaderboard(query.ContestId, room.Seq - 1, published, top);
        }
        return BoardViews.Leaderboard(query.ContestId, room.Seq, await boards.ReadTopAsync(query.ContestId, top, cancellationToken), top);
    }

    /// <summary>A question is open (or paused) or closed and not yet revealed or shown on the board by the host.</summary>
    public static bool Unrevealed(Room room, long nowMs) => RoomMachine.Settle(room, nowMs).Status is RoomStatuses.Open or RoomStatuses.Closed;
}
