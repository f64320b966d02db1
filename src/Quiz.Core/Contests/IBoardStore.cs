using Quiz.Contracts;

namespace Quiz.Core.Contests;

/// <summary>Reads of the boards for clients: a top N, or the rows of named participants; never the whole board.</summary>
public interface IBoardStore
{
    Task<Leaderboard> GetTopAsync(string contestId, int seq, int top, CancellationToken cancellationToken);

    /// <summary>
    /// Own standings of these participants after question <paramref name="seq"/>; their profiles name their groups.
    /// <paramref name="known"/> holds the answers to <paramref name="seq"/> this node already knows (it scored them),
    /// so only the others are read from the store.
    /// </summary>
    Task<IReadOnlyList<Standing>> GetStandingsAsync(string contestId, int seq, IReadOnlyList<Participant> participants,
        IReadOnlyDictionary<string, KnownAnswer> known, CancellationToken cancellationToken);

    /// <summary>How many answered question <paramref name="seq"/>, how many fully right, and the count per distribution key.</summary>
    Task<(int Answers, int Correct, IReadOnlyDictionary<string, int> Distribution)> GetAnswerStatsAsync(string contestId, int seq, CancellationToken cancellationToken);

    Task<int> CountAnswersAsync(string contestId, int seq, CancellationToken cancellationToken);
}

/// <summary>Server-side audit reads: the whole log and the whole board, never sent to a client.</summary>
public interface IBoardAudit
{
    Task<IReadOnlyList<LoggedAnswer>> ReadLoggedAnswersAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>The whole person board, best first, in the order the live boards rank it.</summary>
    Task<IReadOnlyList<BoardRow>> ReadBoardAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Every participant of the contest, by id (for result exports).</summary>
    Task<IReadOnlyDictionary<string, Participant>> ReadParticipantsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Group dimension ("team", "unit", "district") to group name to summed points.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> ReadGroupPointsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Overwrites the boards with the given values.</summary>
    Task RewriteAsync(string contestId, IReadOnlyList<BoardRow> persons, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> groups, CancellationToken cancellationToken);
}
