namespace Quiz.Core.Rounds;

/// <summary>Attempts of online rounds. Every check-and-write is atomic in the store; handlers decide and score.</summary>
public interface IAttemptStore
{
    /// <summary>Lists the round among those the sweepers look after.</summary>
    Task RegisterRoundAsync(string contestId, CancellationToken ct);

    Task<IReadOnlyList<string>> RoundIdsAsync(CancellationToken ct);

    /// <summary>Takes a round off the sweepers' list (it has closed and no attempt is open).</summary>
    Task RetireRoundAsync(string contestId, CancellationToken ct);

    /// <summary>Stores <paramref name="candidate"/> unless the person has an attempt already; returns the one stored either way.</summary>
    Task<Attempt> StartAsync(string contestId, Attempt candidate, CancellationToken ct);

    Task<Attempt?> GetAsync(string contestId, string participantId, CancellationToken ct);

    /// <summary>Saves a response if the attempt is open and <paramref name="receivedAtMs"/> is not after its deadline.</summary>
    Task<SaveOutcome> SaveAnswerAsync(string contestId, string participantId, int index, IReadOnlyList<int> options, string? text, long receivedAtMs, CancellationToken ct);

    Task<AnswerSheet> GetAnswersAsync(string contestId, string participantId, CancellationToken ct);

    /// <summary>
    /// Claims the attempt's end: stores the result once, only if the answers are still at the version scored, and marks
    /// it unannounced (at <paramref name="nowMs"/>) until <see cref="AnnouncedAsync"/>.
    /// </summary>
    Task<FinishOutcome> TryFinishAsync(string contestId, AttemptResult result, long answersVersion, long nowMs, CancellationToken ct);

    /// <summary>Ended attempts still unannounced since at or before <paramref name="beforeMs"/>.</summary>
    Task<IReadOnlyList<string>> UnannouncedAsync(string contestId, long beforeMs, int max, CancellationToken ct);

    /// <summary>Takes an end to announce again if it is still unannounced since <paramref name="beforeMs"/>; false if another node has it.</summary>
    Task<bool> ClaimAnnouncementAsync(string contestId, string participantId, long beforeMs, long nowMs, CancellationToken ct);

    /// <summary>The end's notice is out.</summary>
    Task AnnouncedAsync(string contestId, string participantId, CancellationToken ct);

    Task<AttemptResult?> GetResultAsync(string contestId, string participantId, CancellationToken ct);

    Task<IReadOnlyList<AttemptResult>> ReadResultsAsync(string contestId, CancellationToken ct);

    /// <summary>Open attempts whose deadline is at or before <paramref name="beforeMs"/>.</summary>
    Task<IReadOnlyList<string>> DueAsync(string contestId, long beforeMs, int max, CancellationToken ct);

    /// <summary>How many ended attempts rank strictly ahead of this one (more points, or as many in less time), and how many ended.</summary>
    Task<(long Ahead, long Of)> RankOfAsync(string contestId, AttemptResult result, CancellationToken ct);

    /// <summary>Attempts started and not yet ended.</summary>
    Task<long> CountOpenAsync(string contestId, CancellationToken ct);

    Task<long> CountStartedAsync(string contestId, CancellationToken ct);

    Task RecordDeviceAsync(string contestId, string deviceId, string participantId, CancellationToken ct);

    Task RecordSignalAsync(string contestId, string participantId, string kind, CancellationToken ct);

    /// <summary>Device id to the participants seen on it, and participant id to signal counts by kind.</summary>
    Task<(IReadOnlyDictionary<string, IReadOnlyList<string>> Devices, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Signals)>
        ReadIntegrityAsync(string contestId, CancellationToken ct);
}
