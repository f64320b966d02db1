using System.Text.Json;
using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>A host move: start, next, close, reveal, board, pause, resume or end. Refused with a reason when the room's state does not allow it.</summary>
/// <remarks><see cref="ExpectedSeq"/>: move only if the room is still on that question (the auto-close timer uses it, so a late timer never closes the next question).</remarks>
public sealed record MoveRoom(string ContestId, string Move, string Actor, int? ExpectedSeq = null) : ICommand<Room>, IValidated, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Move, By = Actor, ExpectedSeq };

    private static readonly string[] Moves =
        [HostMoves.Start, HostMoves.Next, HostMoves.Close, HostMoves.Reveal, HostMoves.Board, HostMoves.Pause, HostMoves.Resume, HostMoves.End];

    public IEnumerable<FieldError> Validate()
    {
        if (!Moves.Contains(Move))
        {
            yield return new FieldError("move", $"must be one of {string.Join(", ", Moves)}");
        }
    }
}

public sealed class MoveRoomHandler(LiveRooms rooms, IContestStore store, IBoardStore boards, IPublisher publisher, TimeProvider clock, LiveOptions options)
    : ICommandHandler<MoveRoom, Room>
{
    public async ValueTask<Room> Handle(MoveRoom command, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        if (contest.Online is not null)
        {
            // Its snapshot is the pool every paper is drawn from: opening it live would show questions and reveal keys.
            throw new DomainException("online_round", "This is an online round: it has no live room to move.");
        }
        // Optimistic: decide on the stored state, store only if nobody moved it meanwhile, else decide again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var room = await store.GetRoomAsync(command.ContestId, cancellationToken);
            if (command.ExpectedSeq is { } expected && (room.Seq != expected || room.Status != RoomStatuses.Open))
            {
                return room;
            }
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var next = RoomMachine.Apply(room, command.Move, contest, now, options.OpenLeadMs);
            if (next.Status == RoomStatuses.Open && next.Seq != room.Seq)
            {
                // The public board stops here until this question is revealed: written before the move is stored, so
                // it cannot hold an answer to the question that opens (the store refuses those until the move).
                await boards.PublishAsync(command.ContestId, await boards.ReadTopAsync(command.ContestId, GetLeaderboardHandler.PublishedTop, cancellationToken), cancellationToken);
            }
            var entry = JsonSerializer.Serialize(new
            {
                t = "move", move = command.Move, by = command.Actor, at = now, seq = next.Seq, status = next.Status, opensAt = next.OpensAtMs, closesAt = next.ClosesAtMs,
            });
            if (await store.TryMoveRoomAsync(command.ContestId, next, room.Version, entry, contest.Shards, cancellationToken))
            {
                AuditScope.Record(new { room.Status, room.Seq, room.Paused }, new { next.Status, next.Seq, next.Paused });
                rooms.Remember(command.ContestId, next);
                await publisher.Publish(new RoomMoved(command.ContestId, command.Move, next), cancellationToken);
                return next;
            }
        }
        throw new DomainException("busy", "The room was moved by someone else at the same moment; try again.");
    }
}
