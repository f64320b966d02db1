using Mediator;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Contests;

/// <summary>
/// Reads a roster sheet (.xlsx or .csv) for a contest and checks every row, writing nothing: the errors by row and
/// column, or the people with how many are new and how many are on the roster already (they would be skipped).
/// The edge then imports the people with <see cref="ImportRoster"/> unless it was a dry run.
/// </summary>
public sealed record CheckRosterFile(string ContestId, BankFormat Format, ReadOnlyMemory<byte> Content) : IQuery<RosterFileCheck>;

public sealed record RosterFileCheck(IReadOnlyList<ImportError> Errors, IReadOnlyList<RosterRow> People, int New, int OnRoster)
{
    public bool Ok => Errors.Count == 0;
}

public sealed class CheckRosterFileHandler(LiveRooms rooms, IRosterStore roster) : IQueryHandler<CheckRosterFile, RosterFileCheck>
{
    public async ValueTask<RosterFileCheck> Handle(CheckRosterFile query, CancellationToken cancellationToken)
    {
        _ = await rooms.GetContestAsync(query.ContestId, cancellationToken); // 404 for an unknown contest
        var file = RosterSheet.Read(query.Format, query.Content);
        if (file.Errors.Count > 0)
        {
            return new RosterFileCheck(file.Errors, [], 0, 0);
        }
        var known = await roster.StaffIdsAsync(query.ContestId, cancellationToken);
        var onRoster = file.People.Count(p => known.Contains(p.Person.StaffId));
        return new RosterFileCheck([], file.People, file.People.Count - onRoster, onRoster);
    }
}
