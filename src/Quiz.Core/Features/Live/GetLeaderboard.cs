using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>The top of every board (persons, teams, units) and the whole district board (13 rows at most in Hangzhou).</summary>
public sealed record GetLeaderboard(string ContestId, int Top) : IQuery<Leaderboard>;

public sealed class GetLeaderboardHandler(LiveRooms rooms, IBoardStore boards) : IQueryHandler<GetLeaderboard, Leaderboard>
{
    public async ValueTask<Leaderboard> Handle(GetLeaderboard query, CancellationToken cancellationToken)
    {
        var room = await rooms.GetRoomAsync(query.ContestId, cancellationToken);
        return await boards.GetTopAsync(query.ContestId, room.Seq, Math.Clamp(query.Top, 1, 100), cancellationToken);
    }
}
