namespace Quiz.Core.Contests;

/// <summary>
/// Which node tells hosts and big screens how many have answered the open question: the one holding this lease. The
/// node that opened the question normally holds it; if that node dies the lease runs out and another node, which
/// keeps a backstop for the question anyway, takes it, so the screen's count does not stop with the opener.
/// </summary>
public interface IAnswerCountLease
{
    /// <summary>Takes or renews the lease of the question opened at <paramref name="roomVersion"/>; false if another node holds it.</summary>
    Task<bool> TryHoldAsync(string contestId, long roomVersion, string holder, TimeSpan ttl, CancellationToken ct);
}
