using Quiz.Core.Boards;

namespace Quiz.Core.Contests;

/// <summary>
/// Reads of the live boards, as rows: a true top N, the places of named participants, group rows; never the whole
/// board, and no wire types (Core ranks and assembles them, see <see cref="BoardViews"/>).
/// </summary>
public interface IBoardStore
{
    Task<BoardRows> ReadTopAsync(string contestId, int top, CancellationToken cancellationToken);

    /// <summary>Every group row, per dimension (team, unit, district).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Each named participant's row and how many are strictly ahead of it, looked up for these participants.</summary>
    Task<IReadOnlyDictionary<string, PersonPlace>> ReadPlacesAsync(string contestId, IReadOnlyList<string> participantIds, CancellationToken cancellationToken);

    /// <summary>
    /// The same, from the rank table of question <paramref name="seq"/>: everyone ranked once, by whichever node asks
    /// first, once the question's answers are final; what every node reads to send its participants their standings.
    /// </summary>
    Task<IReadOnlyDictionary<string, PersonPlace>> ReadRankedAsync(string contestId, int seq, IReadOnlyList<string> participantIds, CancellationToken cancellationToken);

    /// <summary>The stored answers of these participants to question <paramref name="seq"/>: points and the streak each left.</summary>
    Task<IReadOnlyDictionary<string, KnownAnswer>> ReadAnswersAsync(string contestId, int seq, IReadOnlyList<string> participantIds, CancellationToken cancellationToken);

    /// <summary>How many answered question <paramref name="seq"/>, how many fully right, and the count per distribution key.</summary>
    Task<(int Answers, int Correct, IReadOnlyDictionary<string, int> Distribution)> GetAnswerStatsAsync(string contestId, int seq, CancellationToken cancellationToken);

    Task<int> CountAnswersAsync(string contestId, int seq, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="rows"/> as the public board: what anyone may read while a question is open or awaits its reveal.</summary>
    Task PublishAsync(string contestId, BoardRows rows, CancellationToken cancellationToken);

    /// <summary>The board last published, or null before the first question opened.</summary>
    Task<BoardRows?> ReadPublishedAsync(string contestId, CancellationToken cancellationToken);
}

/// <summary>Server-side audit reads: the whole log and the whole board, never sent to a client.</summary>
public interface IBoardAudit
{
    /// <summary>Every accepted answer and every room move in the contest log, in log order.</summary>
    Task<ContestLog> ReadLogAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>The points each stored answer holds (in the per-question answer hashes): seq, participant, hundredths.</summary>
    Task<IReadOnlyDictionary<(int Seq, string ParticipantId), long>> ReadStoredPointsAsync(string contestId, int questions, CancellationToken cancellationToken);

    /// <summary>The whole person board, unordered.</summary>
    Task<IReadOnlyList<PersonRow>> ReadBoardAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Every participant of the contest, by id (for result exports and group sizes).</summary>
    Task<IReadOnlyDictionary<string, Participant>> ReadParticipantsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Every group row as stored, per dimension.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<GroupRow>>> ReadGroupsAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Overwrites the person board, the group points and the named answers' points and streaks with the given values.</summary>
    Task RewriteAsync(string contestId, IReadOnlyList<PersonRow> persons, IReadOnlyDictionary<string, IReadOnlyList<GroupRow>> groups,
        IReadOnlyList<(int Seq, string ParticipantId, ScoredAnswer Score)> answers, CancellationToken cancellationToken);
}
