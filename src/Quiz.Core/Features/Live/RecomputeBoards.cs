using Mediator;
using Quiz.Core.Boards;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// Recomputes every score of a contest from the raw answers in its log (response, arrival, the opening it was timed
/// from) with <see cref="Scoring"/>, and reports each place the store differs: an answer's points as logged and as
/// stored, an opening no move of the log set, the person board (points and time), group sums and sizes. With
/// <see cref="Repair"/> it writes the recomputed boards back.
/// </summary>
public sealed record RecomputeBoards(string ContestId, bool Repair) : ICommand<BoardAuditReport>, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Repair };
}

public sealed record BoardDifference(string Board, string Row, double Stored, double Recomputed);

public sealed record BoardAuditReport(string ContestId, int LoggedAnswers, int Participants, IReadOnlyList<BoardDifference> Differences, bool Repaired);

public sealed class RecomputeBoardsHandler(LiveRooms rooms, IBoardAudit audit) : ICommandHandler<RecomputeBoards, BoardAuditReport>
{
    public async ValueTask<BoardAuditReport> Handle(RecomputeBoards command, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        var log = await audit.ReadLogAsync(command.ContestId, cancellationToken);
        var storedPoints = await audit.ReadStoredPointsAsync(command.ContestId, contest.Questions.Count, cancellationToken);
        var board = (await audit.ReadBoardAsync(command.ContestId, cancellationToken)).ToDictionary(r => r.ParticipantId, StringComparer.Ordinal);
        var people = await audit.ReadParticipantsAsync(command.ContestId, cancellationToken);
        var storedGroups = await audit.ReadGroupsAsync(command.ContestId, cancellationToken);

        var differences = new List<BoardDifference>();
        var openings = log.Moves.Where(m => m.OpensAtMs > 0).ToLookup(m => m.Seq, m => m.OpensAtMs);
        var persons = board.Keys.Union(people.Keys).ToDictionary(id => id, id => new PersonRow(id, 0, 0), StringComparer.Ordinal);
        var logged = new HashSet<(int, string)>();
        var wrongAnswers = new List<(int, string, ScoredAnswer)>();
        foreach (var answers in log.Answers.Where(a => a.Seq < contest.Questions.Count).GroupBy(a => a.ParticipantId))
        {
            var bySeq = answers.GroupBy(a => a.Seq).ToDictionary(g => g.Key, g => g.First()); // the store keeps one per question
            var replay = Scoring.Replay(contest, bySeq.Values.Select(a => a.Fact));
            foreach (var (fact, score) in replay.Answers)
            {
                var answer = bySeq[fact.Seq];
                var row = $"{fact.Seq}:{answer.ParticipantId}";
                logged.Add((fact.Seq, answer.ParticipantId));
                Compare(differences, "answer.logged", row, answer.Hundredths, score.Hundredths);
                var held = storedPoints.TryGetValue((fact.Seq, answer.ParticipantId), out var h) ? h : 0;
                Compare(differences, "answer.stored", row, held, score.Hundredths);
                if (held != score.Hundredths)
                {
                    wrongAnswers.Add((fact.Seq, answer.ParticipantId, score));
                }
                if (openings.Contains(fact.Seq) && !openings[fact.Seq].Contains(fact.OpensAtMs))
                {
                    differences.Add(new BoardDifference("answer.opening", row, fact.OpensAtMs, openings[fact.Seq].Last()));
                }
            }
            persons[answers.Key] = new PersonRow(answers.Key, replay.Hundredths, replay.TimeMs);
        }
        foreach (var ((seq, id), held) in storedPoints.Where(s => !logged.Contains(s.Key)))
        {
            differences.Add(new BoardDifference("answer.unlogged", $"{seq}:{id}", held / 100.0, 0));
        }
        foreach (var row in persons.Values)
        {
            var had = board.GetValueOrDefault(row.ParticipantId) ?? new PersonRow(row.ParticipantId, 0, 0);
            Compare(differences, "person.points", row.ParticipantId, had.Hundredths, row.Hundredths);
            if (had.TimeMs != row.TimeMs)
            {
                differences.Add(new BoardDifference("person.timeMs", row.ParticipantId, had.TimeMs, row.TimeMs));
            }
        }
        var groups = RecomputeGroups(persons.Values, people);
        foreach (var dimension in GroupDimensions.All)
        {
            var had = (storedGroups.GetValueOrDefault(dimension) ?? []).ToDictionary(g => g.Name, StringComparer.Ordinal);
            var rebuilt = groups[dimension].ToDictionary(g => g.Name, StringComparer.Ordinal);
            foreach (var name in had.Keys.Union(rebuilt.Keys))
            {
                var (before, after) = (had.GetValueOrDefault(name), rebuilt.GetValueOrDefault(name));
                Compare(differences, dimension, name, before?.Hundredths ?? 0, after?.Hundredths ?? 0);
                if ((before?.Size ?? 0) != (after?.Size ?? 0))
                {
                    differences.Add(new BoardDifference($"{dimension}.size", name, before?.Size ?? 0, after?.Size ?? 0));
                }
            }
        }
        var repair = command.Repair && differences.Count > 0;
        if (repair)
        {
            await audit.RewriteAsync(command.ContestId, [.. persons.Values], groups, wrongAnswers, cancellationToken);
        }
        return new BoardAuditReport(command.ContestId, log.Answers.Count, persons.Count, differences, repair);
    }

    /// <summary>Each group's size (everyone who joined in it) and the sum of its members' recomputed points.</summary>
    private static Dictionary<string, IReadOnlyList<GroupRow>> RecomputeGroups(IEnumerable<PersonRow> persons, IReadOnlyDictionary<string, Participant> people)
    {
        var points = persons.ToDictionary(p => p.ParticipantId, p => p.Hundredths, StringComparer.Ordinal);
        return GroupDimensions.All.ToDictionary(d => d, d => (IReadOnlyList<GroupRow>)[.. people.Values
            .Select(p => (Group: GroupDimensions.Of(p, d), p.Id))
            .Where(x => !string.IsNullOrWhiteSpace(x.Group))
            .GroupBy(x => x.Group!, StringComparer.Ordinal)
            .Select(g => new GroupRow(g.Key, g.Count(), g.Sum(x => points.GetValueOrDefault(x.Id))))]);
    }

    private static void Compare(List<BoardDifference> differences, string board, string row, long stored, long recomputed)
    {
        if (stored != recomputed)
        {
            differences.Add(new BoardDifference(board, row, stored / 100.0, recomputed / 100.0));
        }
    }
}
