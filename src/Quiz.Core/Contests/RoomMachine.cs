using Quiz.Contracts;
using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>
/// The room's rules of motion. Pure: the caller supplies the clock and stores the result only if nobody moved the
/// room in between (see <see cref="Room.Version"/>).
/// </summary>
public static class RoomMachine
{
    /// <summary>Answers arriving up to this long after the close still count: network jitter, not extra thinking time.</summary>
    public const long GraceMs = 500;

    public static Room Apply(Room room, string move, ContestDefinition contest, long nowMs, long openLeadMs)
    {
        if (room.Status == RoomStatuses.Ended)
        {
            throw Refuse(move, "the contest has ended");
        }
        var next = move switch
        {
            HostMoves.Start => Start(room, contest, nowMs, openLeadMs),
            HostMoves.Next => Next(room, contest, nowMs, openLeadMs),
            HostMoves.Close => Close(room, nowMs),
            HostMoves.Reveal => Reveal(room, nowMs),
            HostMoves.Board => Board(room, contest, nowMs),
            HostMoves.Pause => Pause(room, nowMs),
            HostMoves.Resume => Resume(room, nowMs),
            HostMoves.End => room with { Status = RoomStatuses.Ended, AcceptUntilMs = StopAccepting(room, nowMs), Paused = false },
            _ => throw new DomainException("unknown_move", $"'{move}' is not a host move; use one of start, next, close, reveal, board, pause, resume, end."),
        };
        return next with { Version = room.Version + 1 };
    }

    /// <summary>The room as it really is now: an open question past its close is closed, whoever noticed first.</summary>
    public static Room Settle(Room room, long nowMs) =>
        room.IsOpen && nowMs > room.ClosesAtMs
            ? room with { Status = RoomStatuses.Closed, Version = room.Version + 1 }
            : room;

    /// <summary>
    /// Answers are stamped when they arrive and stored a few milliseconds later in batches, so stopping means
    /// "nothing received after now", not "nothing stored after now".
    /// </summary>
    private static long StopAccepting(Room room, long nowMs) => Math.Min(room.AcceptUntilMs, nowMs + GraceMs);

    private static Room Start(Room room, ContestDefinition contest, long nowMs, long leadMs)
    {
        if (room.Status != RoomStatuses.Lobby)
        {
            throw Refuse(HostMoves.Start, "the contest has already started");
        }
        return Open(room, contest, 0, nowMs, leadMs);
    }

    private static Room Next(Room room, ContestDefinition contest, long nowMs, long leadMs)
    {
        NotPaused(room, HostMoves.Next);
        room = Settle(room, nowMs);
        if (room.Status == RoomStatuses.Lobby)
        {
            return Open(room, contest, 0, nowMs, leadMs);
        }
        if (room.Status == RoomStatuses.Open)
        {
            throw Refuse(HostMoves.Next, "question is still open; close it first");
        }
        if (room.Seq + 1 >= contest.Questions.Count)
        {
            throw Refuse(HostMoves.Next, "that was the last question; end the contest");
        }
        return Open(room, contest, room.Seq + 1, nowMs, leadMs);
    }

    private static Room Open(Room room, ContestDefinition contest, int seq, long nowMs, long leadMs)
    {
        if (contest.Questions.Count == 0)
        {
            throw Refuse(HostMoves.Start, "the contest has no questions");
        }
        var opensAt = nowMs + leadMs;
        var closesAt = opensAt + (contest.RulesFor(seq).TimeLimitSeconds * 1000L);
        return room with
        {
            Status = RoomStatuses.Open,
            Seq = seq,
            OpensAtMs = opensAt,
            ClosesAtMs = closesAt,
            AcceptUntilMs = closesAt + GraceMs,
            Paused = false,
            RemainingMs = 0,
        };
    }

    private static Room Close(Room room, long nowMs)
    {
        NotPaused(room, HostMoves.Close);
        // Not settled first: the timer closes a question just after its time is up, and that close must count.
        if (room.Status != RoomStatuses.Open)
        {
            throw Refuse(HostMoves.Close, "no question is open");
        }
        // Closing early: answers received before the close, still on their way to the store, count.
        var closesAt = Math.Min(room.ClosesAtMs, nowMs);
        return room with { Status = RoomStatuses.Closed, ClosesAtMs = closesAt, AcceptUntilMs = StopAccepting(room, nowMs) };
    }

    private static Room Reveal(Room room, long nowMs)
    {
        NotPaused(room, HostMoves.Reveal);
        room = Settle(room, nowMs);
        // Once the key is out, nothing received from now on counts; what arrived before still does.
        return room.Status == RoomStatuses.Closed
            ? room with { Status = RoomStatuses.Revealed, AcceptUntilMs = Math.Min(room.AcceptUntilMs, nowMs) }
            : throw Refuse(HostMoves.Reveal, room.Status == RoomStatuses.Open ? "question is still open; close it first" : "there is no closed question to reveal");
    }

    private static Room Board(Room room, ContestDefinition contest, long nowMs)
    {
        NotPaused(room, HostMoves.Board);
        room = Settle(room, nowMs);
        if (room.Status is not (RoomStatuses.Closed or RoomStatuses.Revealed))
        {
            throw Refuse(HostMoves.Board, room.Status == RoomStatuses.Open ? "question is still open; close it first" : "there is no closed question to show the board for");
        }
        var rules = contest.RulesFor(room.Seq);
        var lastOfRound = room.Seq + 1 >= contest.Questions.Count || contest.Questions[room.Seq + 1].Round != contest.Questions[room.Seq].Round;
        if (rules.Board == BoardTiming.BetweenRounds && !lastOfRound)
        {
            throw Refuse(HostMoves.Board, "this round shows the leaderboard only between rounds");
        }
        return room with { Status = RoomStatuses.Board };
    }

    private static Room Pause(Room room, long nowMs)
    {
        if (room.Paused)
        {
            throw Refuse(HostMoves.Pause, "the room is already paused");
        }
        room = Settle(room, nowMs);
        return room.IsOpen
            ? room with { Paused = true, RemainingMs = Math.Max(0, room.ClosesAtMs - Math.Max(nowMs, room.OpensAtMs)), AcceptUntilMs = StopAccepting(room, nowMs) }
            : room with { Paused = true };
    }

    private static Room Resume(Room room, long nowMs)
    {
        if (!room.Paused)
        {
            throw Refuse(HostMoves.Resume, "the room is not paused");
        }
        if (room.Status != RoomStatuses.Open)
        {
            return room with { Paused = false };
        }
        // The clock restarts with the time that was left; elapsed time for speed scoring excludes the pause.
        var limit = room.ClosesAtMs - room.OpensAtMs;
        var closesAt = nowMs + room.RemainingMs;
        return room with
        {
            Paused = false,
            OpensAtMs = closesAt - limit,
            ClosesAtMs = closesAt,
            AcceptUntilMs = closesAt + GraceMs,
            RemainingMs = 0,
        };
    }

    private static void NotPaused(Room room, string move)
    {
        if (room.Paused)
        {
            throw Refuse(move, "the room is paused; resume it first");
        }
    }

    private static DomainException Refuse(string move, string why) => new("invalid_move", $"Cannot {move}: {why}.");
}
