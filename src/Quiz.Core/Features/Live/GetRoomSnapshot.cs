using Mediator;
using Quiz.Contracts;
using Quiz.Core.Boards;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>Everything a client needs to (re)draw the room: its state, the open question, and, for a participant, its standing.</summary>
public sealed record GetRoomSnapshot(string ContestId, Participant? Participant) : IQuery<RoomSnapshot>;

public sealed class GetRoomSnapshotHandler(LiveRooms rooms, IParticipantStore participants, LiveStandings standings, TimeProvider clock)
    : IQueryHandler<GetRoomSnapshot, RoomSnapshot>
{
    public async ValueTask<RoomSnapshot> Handle(GetRoomSnapshot query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        var room = await rooms.RefreshAsync(query.ContestId, cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var count = await participants.CountAsync(query.ContestId, cancellationToken);
        var state = Views.State(contest, room, count, now);
        var question = room.Seq >= 0 && room.Status != RoomStatuses.Ended ? Views.Question(contest, room, now) : null;
        if (query.Participant is not { } participant)
        {
            return new RoomSnapshot(state, question, null, false);
        }
        var answered = room.Seq >= 0 && await participants.HasAnsweredAsync(query.ContestId, room.Seq, participant.Id, cancellationToken);
        // While a question is open or waits for its reveal, the board may hold the points of this participant's answer
        // to it, and a standing would tell its owner (and anyone they tell) whether it was right: the page keeps the
        // standing it had, and the next one comes with the reveal.
        var standing = GetLeaderboardHandler.Unrevealed(room, now)
            ? null
            : (await standings.ReadAsync(query.ContestId, Math.Max(0, room.Seq), [participant], cancellationToken))[0];
        return new RoomSnapshot(state, question, standing, answered);
    }
}
