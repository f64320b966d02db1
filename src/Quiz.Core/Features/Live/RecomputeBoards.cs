using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// Rebuilds every board of a contest from its append-only log and reports each row that differs from what the
/// boards hold. With <see cref="Repair"/> it also writes the rebuilt boards back.
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
        _ = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        var logged = await audit.ReadLoggedAnswersAsync(command.ContestId, cancellationToken);
        var stored = await audit.ReadBoardAsync(command.ContestId, cancellationToken);
        var storedGroups = await audit.ReadGroupPointsAsync(command.ContestId, cancellationToken);

        var persons = stored.ToDictionary(r => r.ParticipantId, r => new BoardRow(r.ParticipantId, 0, 0));
        var groups = new Dictionary<string, Dictionary<string, double>> { ["team"] = [], ["unit"] = [], ["district"] = [] };
        foreach (var a in logged)
        {
            var row = persons.GetValueOrDefault(a.ParticipantId) ?? new BoardRow(a.ParticipantId, 0, 0);
            persons[a.ParticipantId] = row with { Points = Math.Round(row.Points + a.Points, 2), TimeMs = row.TimeMs + a.ElapsedMs };
            foreach (var (dimension, name) in new[] { ("team", a.Team), ("unit", a.Unit), ("district", a.District) })
            {
                if (!string.IsNullOrEmpty(name))
                {
                    groups[dimension][name] = Math.Round(groups[dimension].GetValueOrDefault(name) + a.Points, 2);
                }
            }
        }

        var differences = new List<BoardDifference>();
        var storedById = stored.ToDictionary(r => r.ParticipantId);
        foreach (var row in persons.Values)
        {
            var had = storedById.GetValueOrDefault(row.ParticipantId) ?? new BoardRow(row.ParticipantId, 0, 0);
            if (Math.Abs(had.Points - row.Points) > 0.001)
            {
                differences.Add(new BoardDifference("person.points", row.ParticipantId, had.Points, row.Points));
            }
            if (had.TimeMs != row.TimeMs)
            {
                differences.Add(new BoardDifference("person.timeMs", row.ParticipantId, had.TimeMs, row.TimeMs));
            }
        }
        foreach (var (dimension, rebuilt) in groups)
        {
            var had = storedGroups.GetValueOrDefault(dimension) ?? new Dictionary<string, double>();
            foreach (var name in rebuilt.Keys.Union(had.Keys))
            {
                var (before, after) = (Math.Round(had.GetValueOrDefault(name), 2), rebuilt.GetValueOrDefault(name));
                if (Math.Abs(before - after) > 0.001)
                {
                    differences.Add(new BoardDifference(dimension, name, before, after));
                }
            }
        }
        var repair = command.Repair && differences.Count > 0;
        if (repair)
        {
            await audit.RewriteAsync(command.ContestId, [.. persons.Values],
                groups.ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, double>)g.Value), cancellationToken);
        }
        return new BoardAuditReport(command.ContestId, logged.Count, persons.Count, differences, repair);
    }
}
