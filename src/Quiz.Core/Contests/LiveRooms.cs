using System.Collections.Concurrent;
using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>
/// This node's view of the contests it serves: definitions (immutable once created) and the last room state it saw,
/// refreshed when any node moves a room. The answer path reads only this; the store re-checks every answer anyway.
/// </summary>
public sealed class LiveRooms(IContestStore store)
{
    private readonly ConcurrentDictionary<string, ContestDefinition> _contests = new();
    private readonly ConcurrentDictionary<string, Room> _rooms = new();
    private readonly ConcurrentDictionary<(string, string), Progress> _progress = new();
    private readonly ConcurrentDictionary<(string, string), KnownAnswer> _answers = new();

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
        Remember(contestId, room);
        return room;
    }

    /// <summary>Keeps the newest state: notifications from other nodes may arrive out of order.</summary>
    public void Remember(string contestId, Room room) =>
        _rooms.AddOrUpdate(contestId, room, (_, known) => room.Version >= known.Version ? room : known);

    public bool TryGetProgress(string contestId, string participantId, out Progress progress) =>
        _progress.TryGetValue((contestId, participantId), out progress);

    public void RememberProgress(string contestId, string participantId, Progress progress) =>
        _progress[(contestId, participantId)] = progress;

    /// <summary>The last answer this node stored for the participant, with its points.</summary>
    public void RememberAnswer(string contestId, string participantId, KnownAnswer answer) =>
        _answers[(contestId, participantId)] = answer;

    /// <summary>Drops what this node remembers per participant of a contest that has ended.</summary>
    public void ForgetParticipants(string contestId)
    {
        foreach (var key in _progress.Keys.Where(k => k.Item1 == contestId))
        {
            _progress.TryRemove(key, out _);
        }
        foreach (var key in _answers.Keys.Where(k => k.Item1 == contestId))
        {
            _answers.TryRemove(key, out _);
        }
    }

    public bool TryGetAnswer(string contestId, string participantId, int seq, out KnownAnswer answer) =>
        _answers.TryGetValue((contestId, participantId), out answer) && answer.Seq == seq;
}
