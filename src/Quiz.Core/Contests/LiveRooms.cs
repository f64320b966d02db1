using System.Collections.Concurrent;
using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>
/// This node's view of the contests it serves: definitions (immutable once created) and the last room state it saw,
/// refreshed when any node moves a room. The answer path reads only this; the store re-checks every answer anyway.
/// </summary>
public sealed class LiveRooms(IContestStore store, IEnumerable<IRoomFirstSeen> observers)
{
    private readonly IRoomFirstSeen[] _observers = [.. observers];

    private readonly ConcurrentDictionary<string, ContestDefinition> _contests = new();
    private readonly ConcurrentDictionary<string, Room> _rooms = new();
    private readonly ConcurrentDictionary<(string, string), Memory> _participants = new();

    public async ValueTask<ContestDefinition> GetContestAsync(string contestId, CancellationToken cancellationToken)
    {
        if (_contests.TryGetValue(contestId, out var contest))
        {
            return contest;
        }
        contest = await store.GetAsync(contestId, cancellationToken) ?? throw DomainException.NotFound("Contest", contestId);
        return _contests.GetOrAdd(contestId, contest);
    }

    public async ValueTask<Room> GetRoomAsync(string contestId, CancellationToken cancellationToken)
    {
        if (_rooms.TryGetValue(contestId, out var room))
        {
            return room;
        }
        return await RefreshAsync(contestId, cancellationToken);
    }

    public async ValueTask<Room> RefreshAsync(string contestId, CancellationToken cancellationToken)
    {
        var room = await store.GetRoomAsync(contestId, cancellationToken);
        var first = !_rooms.ContainsKey(contestId);
        Remember(contestId, room);
        if (first)
        {
            foreach (var observer in _observers)
            {
                observer.FirstSeen(contestId, room); // idempotent: two first loads at once schedule one backstop
            }
        }
        return room;
    }

    /// <summary>Keeps the newest state: notifications from other nodes may arrive out of order.</summary>
    public void Remember(string contestId, Room room) =>
        _rooms.AddOrUpdate(contestId, room, (_, known) => room.Version >= known.Version ? room : known);

    public bool TryGetProgress(string contestId, string participantId, out Progress progress)
    {
        var known = _participants.TryGetValue((contestId, participantId), out var memory);
        progress = memory.Progress;
        return known;
    }

    /// <summary>What the store says of a participant who (re)joined through this node; it has no answer here yet.</summary>
    public void RememberProgress(string contestId, string participantId, Progress progress) =>
        _participants[(contestId, participantId)] = new Memory(progress, null);

    /// <summary>An answer this node stored: its points for the standing, and the streak it leaves for the next question.</summary>
    public void RememberAnswer(string contestId, string participantId, KnownAnswer answer) =>
        _participants[(contestId, participantId)] = new Memory(answer.Correct ? new Progress(answer.Streak, answer.Seq) : Progress.None, answer);

    /// <summary>
    /// Drops all this node holds of a contest that has ended, so a node that serves contests for months does not keep
    /// every one it ever saw; a later read (the board, the results) loads the definition again.
    /// </summary>
    public void Forget(string contestId)
    {
        _contests.TryRemove(contestId, out _);
        _rooms.TryRemove(contestId, out _);
        foreach (var key in _participants.Keys.Where(k => k.Item1 == contestId))
        {
            _participants.TryRemove(key, out _);
        }
    }

    public bool TryGetAnswer(string contestId, string participantId, int seq, out KnownAnswer answer)
    {
        var found = _participants.TryGetValue((contestId, participantId), out var memory) && memory.Last?.Seq == seq;
        answer = found ? memory.Last!.Value : default;
        return found;
    }

    /// <summary>One entry per participant: the streak is derived from the last answer when there is one.</summary>
    private readonly record struct Memory(Progress Progress, KnownAnswer? Last);
}
