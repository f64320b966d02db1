using System.Collections.Concurrent;

namespace Quiz.Server.Live;

/// <summary>
/// The participants whose sockets this node holds. Per-participant messages (own standing) are sent by the node
/// holding the socket, never through the backplane, and a participant answers through one connection at a time.
/// </summary>
public sealed class LocalParticipants
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _byContest = new();
    private readonly ConcurrentDictionary<(string, string), string> _connectionOf = new();

    /// <summary>Attaches a participant to a connection; returns the connection it had before on this node, if any.</summary>
    public string? Attach(string contestId, string participantId, string connectionId)
    {
        _byContest.GetOrAdd(contestId, _ => new()).TryAdd(connectionId, participantId);
        string? previous = null;
        _connectionOf.AddOrUpdate((contestId, participantId), connectionId, (_, old) =>
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
        if (_byContest.TryGetValue(contestId, out var connections) && connections.TryRemove(connectionId, out var participantId))
        {
            _connectionOf.TryRemove(new KeyValuePair<(string, string), string>((contestId, participantId), connectionId));
        }
    }

    /// <summary>Whether this connection is still the one the participant answers through.</summary>
    public bool IsCurrent(string contestId, string participantId, string connectionId) =>
        _connectionOf.TryGetValue((contestId, participantId), out var current) && current == connectionId;

    public IReadOnlyList<KeyValuePair<string, string>> Of(string contestId) =>
        _byContest.TryGetValue(contestId, out var connections) ? [.. connections] : [];

    public int Count => _connectionOf.Count;
}
