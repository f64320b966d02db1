using Mediator;
using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>Everything a client needs to (re)draw the room: its state, the open question, and, for a participant, its standing.</summary>
public sealed record GetRoomSnapshot(string ContestId, Participant? Participant) : IQuery<RoomSnapshot>;

public sealed class GetRoomSnapshotHandler(LiveRooms rooms, IParticipantStore participants, IBoardStore boards, TimeProvider clock)
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
        // The board already holds the points of an answer to the current question, so while that question can still
        // take answers (open, paused, or in its grace) a standing would tell its owner, and anyone they tell, whether
        // it was right. The page keeps the standing it had; the next one comes when the answers are final.
        var stillAnswering = room.Status == RoomStatuses.Open || now < room.AcceptUntilMs;
        var standing = answered && stillAnswering
            ? null
            : (await boards.GetStandingsAsync(query.ContestId, Math.Max(0, room.Seq), [participant], new Dictionary<string, KnownAnswer>(), cancellationToken))[0];
        return new RoomSnapshot(state, question, standing, answered);
    }
}
