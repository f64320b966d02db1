using System.Globalization;
using Quiz.Core.Contests;
using StackExchange.Redis;

namespace Quiz.Infrastructure.Contests;

/// <summary>One participant's stored answer to a question, as the answers hash holds it: "aid|at|open|hundredths|streak".</summary>
internal readonly record struct StoredAnswer(string AnswerId, long ReceivedAtMs, long OpensAtMs, KnownAnswer Known)
{
    public static bool TryParse(RedisValue value, int seq, out StoredAnswer answer)
    {
        answer = default;
        if (value.IsNullOrEmpty)
        {
            return false;
        }
        var parts = value.ToString().Split('|');
        if (parts.Length != 5 || !Long(parts[1], out var at) || !Long(parts[2], out var open) || !Long(parts[3], out var h) || !Long(parts[4], out var streak))
        {
            return false;
        }
        answer = new StoredAnswer(parts[0], at, open, new KnownAnswer(seq, h, streak > 0, (int)streak));
        return true;
    }

    /// <summary>The stored form with other points and streak (an audit's repair); the raw facts stay as they were.</summary>
    public string With(long hundredths, int streak) =>
        string.Create(CultureInfo.InvariantCulture, $"{AnswerId}|{ReceivedAtMs}|{OpensAtMs}|{hundredths}|{streak}");

    /// <summary>The script's "A|at|hundredths|streak" for an answer id stored before.</summary>
    public static LedgerOutcome Again(string[] parts, int seq, long fallbackAtMs) =>
        parts.Length == 4 && Long(parts[1], out var at) && Long(parts[2], out var h) && Long(parts[3], out var streak)
            ? new LedgerOutcome(LedgerResult.AcceptedBefore, at, new KnownAnswer(seq, h, streak > 0, (int)streak))
            : new LedgerOutcome(LedgerResult.AcceptedBefore, fallbackAtMs);

    private static bool Long(string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
