using System.Collections.Concurrent;
using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>
/// The participants whose sockets this node holds. Per-participant messages (own standing) are sent by the node
/// holding the socket, never through the backplane, and a participant answers through one connection at a time.
/// </summary>
public sealed class LocalParticipants
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Participant>> _byContest = new();
    private readonly ConcurrentDictionary<(string, string), string> _connectionOf = new();

    /// <summary>Attaches a participant to a connection; returns the connection it had before on this node, if any.</summary>
    public string? Attach(string contestId, Participant participant, string connectionId)
    {
        _byContest.GetOrAdd(contestId, _ => new())[connectionId] = participant;
        string? previous = null;
        _connectionOf.AddOrUpdate((contestId, participant.Id), connectionId, (_, old) =>
        {
            previous = old;
            return connectionId;
        });
        if (previous is not null && previous != connectionId)
        {
            Detach(contestId, previous);
            return previous;
        }
        return null;
    }

    public void Detach(string contestId, string connectionId)
    {
        if (_byContest.TryGetValue(contestId, out var connections) && connections.TryRemove(connectionId, out var participant))
        {
            _connectionOf.TryRemove(new KeyValuePair<(string, string), string>((contestId, participant.Id), connectionId));
        }
    }

    /// <summary>Whether this connection is still the one the participant answers through.</summary>
    public bool IsCurrent(string contestId, string participantId, string connectionId) =>
        _connectionOf.TryGetValue((contestId, participantId), out var current) && current == connectionId;

    /// <summary>Connection id and participant of every local participant of a contest.</summary>
    public IReadOnlyList<KeyValuePair<string, Participant>> Of(string contestId) =>
        _byContest.TryGetValue(contestId, out var connections) ? [.. connections] : [];
}
