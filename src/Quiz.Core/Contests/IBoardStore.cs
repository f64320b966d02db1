using Quiz.Contracts;

namespace Quiz.Core.Contests;

/// <summary>Reads of the boards. Never the whole board: a top N, or the rows of named participants.</summary>
public interface IBoardStore
{
    Task<Leaderboard> GetTopAsync(string contestId, int seq, int top, CancellationToken cancellationToken);

    Task<IReadOnlyList<Standing>> GetStandingsAsync(string contestId, int seq, IReadOnlyList<string> participantIds, CancellationToken cancellationToken);

    /// <summary>How many answered question <paramref name="seq"/>, how many fully right, and the count per distribution key.</summary>
    Task<(int Answers, int Correct, IReadOnlyDictionary<string, int> Distribution)> GetAnswerStatsAsync(string contestId, int seq, CancellationToken cancellationToken);

    Task<int> CountAnswersAsync(string contestId, int seq, CancellationToken cancellationToken);
}
