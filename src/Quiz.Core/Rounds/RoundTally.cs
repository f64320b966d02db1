using Quiz.Core.Boards;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>One person in the round's results, with the integrity signals next to the score (for the organizer).</summary>
public sealed record RoundResultRow(
    int Rank, string ParticipantId, string Name, string? Unit, string? District,
    double Score, double MaxScore, long TimeUsedMs, long StartedAtMs, long SubmittedAtMs, bool Automatic,
    int Answered, int Correct, int FastAnswers, long FocusLost, long TabHidden, int SameDeviceAs, int SameAnswersAs);

/// <summary>
/// A unit or district: everyone registered counts in the mean per head (sending only the best does not raise it);
/// participation is those who took the round among those registered.
/// </summary>
public sealed record GroupBoardRow(int Rank, string Group, int Registered, int TookPart, double Participation, double Total, double MeanPerHead, double MeanPerTaker);

public sealed record RoundResults(string ContestId, string Title, int Registered, long Started, int Submitted,
    IReadOnlyList<RoundResultRow> People, IReadOnlyList<GroupBoardRow> Units, IReadOnlyList<GroupBoardRow> Districts);

/// <summary>Ranks ended attempts and builds the unit and district boards, by the one rule of <see cref="Ranking"/>. Pure.</summary>
public static class RoundTally
{
    public static RoundResults Build(ContestDefinition contest, IReadOnlyList<AttemptResult> results, IReadOnlyDictionary<string, Participant> people,
        RoundSignals signals, long started)
    {
        var byId = results.ToDictionary(r => r.ParticipantId, StringComparer.Ordinal);
        var rows = Ranking.Ranked(results.Select(r => new PersonRow(r.ParticipantId, Hundredths(r.Score), r.TimeUsedMs))).Select(ranked =>
        {
            var r = byId[ranked.Row.ParticipantId];
            var who = people.GetValueOrDefault(r.ParticipantId);
            return new RoundResultRow(ranked.Rank, r.ParticipantId, who?.Nickname ?? r.ParticipantId, who?.Unit, who?.District,
                r.Score, r.MaxScore, r.TimeUsedMs, r.StartedAtMs, r.SubmittedAtMs, r.Automatic, r.Answered, r.Correct, r.FastAnswers,
                signals.Count(r.ParticipantId, "blur"), signals.Count(r.ParticipantId, "hidden"),
                signals.SameDevice(r.ParticipantId), signals.SamePattern(r.Pattern));
        }).ToList();
        return new RoundResults(contest.Id, contest.Title, people.Count, started, results.Count, rows,
            Board(people.Values, rows, p => p.Unit), Board(people.Values, rows, p => p.District));
    }

    private static List<GroupBoardRow> Board(IEnumerable<Participant> people, IReadOnlyList<RoundResultRow> rows, Func<Participant, string?> groupOf)
    {
        var registered = people.Where(p => !string.IsNullOrWhiteSpace(groupOf(p))).GroupBy(p => groupOf(p)!).ToDictionary(g => g.Key, g => g.Count());
        var scores = rows.Select(r => (Group: groupOf(new Participant(r.ParticipantId, r.Name, null, r.Unit, r.District)), r.Score))
            .Where(x => x.Group is not null).ToLookup(x => x.Group!, x => Hundredths(x.Score));
        var tookPart = registered.Keys.ToDictionary(g => g, g => scores[g].Count());
        return [.. Ranking.Ranked(registered.Select(g => new GroupRow(g.Key, g.Value, scores[g.Key].Sum())))
            .Select(r => new GroupBoardRow(r.Rank, r.Row.Name, r.Row.Size, tookPart[r.Row.Name], Math.Round((double)tookPart[r.Row.Name] / r.Row.Size, 4),
                r.Row.Total, BoardViews.Round2(r.Row.Hundredths / 100m / r.Row.Size),
                tookPart[r.Row.Name] == 0 ? 0 : BoardViews.Round2(r.Row.Hundredths / 100m / tookPart[r.Row.Name])))];
    }

    private static long Hundredths(double score) => (long)Math.Round(score * 100, MidpointRounding.AwayFromZero);
}

/// <summary>The integrity reads grouped for lookup: signals per person, who shared a device, who gave the same answers.</summary>
public sealed class RoundSignals(
    IReadOnlyDictionary<string, IReadOnlyList<string>> devices,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> signals,
    IEnumerable<AttemptResult> results)
{
    private readonly Dictionary<string, int> _sameDevice = devices.Values.Where(ids => ids.Count > 1)
        .SelectMany(ids => ids.Select(id => (id, others: ids.Count - 1)))
        .GroupBy(x => x.id).ToDictionary(g => g.Key, g => g.Max(x => x.others));

    private readonly Dictionary<string, int> _patterns = results.Where(r => r.Pattern is not null)
        .GroupBy(r => r.Pattern!).ToDictionary(g => g.Key, g => g.Count());

    public long Count(string participantId, string kind) => signals.GetValueOrDefault(participantId)?.GetValueOrDefault(kind) ?? 0;

    /// <summary>How many other identities were seen on a device this person used.</summary>
    public int SameDevice(string participantId) => _sameDevice.GetValueOrDefault(participantId);

    /// <summary>How many others handed in exactly the same answers to the same questions.</summary>
    public int SamePattern(string? pattern) => pattern is null ? 0 : _patterns.GetValueOrDefault(pattern) - 1;
}
