using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Contests;

/// <summary>
/// An organizer imports a roster: each person becomes a participant at once (on the boards with 0, so participation
/// is counted) and gets a personal code, which is their participant token: entering with it (Rejoin) is always the
/// same entry, so one person has one entry. A staff id already on the roster is skipped, never doubled.
/// </summary>
public sealed record ImportRoster(string ContestId, IReadOnlyList<RosterPerson> People) : ICommand<IReadOnlyList<RosterCode>>, IValidated, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { People = People?.Count ?? 0 }; // never the names or phones

    public IEnumerable<FieldError> Validate()
    {
        if (People is not { Count: > 0 and <= RosterRules.MaxPeople })
        {
            yield return new FieldError("people", $"lists 1 to {RosterRules.MaxPeople:N0} people");
            yield break;
        }
        for (var i = 0; i < People.Count; i++)
        {
            foreach (var (field, reason) in RosterRules.Errors(People[i]))
            {
                yield return FieldError.Of($"people[{i}].{field}", reason);
            }
        }
    }
}

public sealed class ImportRosterHandler(LiveRooms rooms, IRosterStore roster, IGroupRegistry groups, IPhoneProtector protector)
    : ICommandHandler<ImportRoster, IReadOnlyList<RosterCode>>
{
    public async ValueTask<IReadOnlyList<RosterCode>> Handle(ImportRoster command, CancellationToken cancellationToken)
    {
        _ = await rooms.GetContestAsync(command.ContestId, cancellationToken); // 404 for an unknown contest
        var codes = new List<RosterCode>(command.People.Count);
        // The roster is the organizer's list: its units and districts become the contest's choices (GET /api/join/{code}).
        var people = command.People.Select(p => p with
        {
            Name = TypedText.Clean(p.Name, TextShape.Name),
            StaffId = TypedText.Clean(p.StaffId, TextShape.Name),
            Unit = TypedText.CleanOrNull(p.Unit, TextShape.Name),
            District = TypedText.CleanOrNull(p.District, TextShape.Name),
        }).ToList();
        await groups.DeclareAsync(command.ContestId, GroupKind.Unit, [.. people.Select(p => p.Unit).OfType<string>().Distinct()], cancellationToken);
        await groups.DeclareAsync(command.ContestId, GroupKind.District, [.. people.Select(p => p.District).OfType<string>().Distinct()], cancellationToken);
        foreach (var person in people)
        {
            var staffId = person.StaffId;
            var participant = new Participant(Ids.New(), person.Name, null, person.Unit, person.District);
            var code = Ids.Secret();
            var phone = Clean(person.Phone) is { } p ? protector.Protect(p) : null;
            codes.Add(await roster.TryAddAsync(command.ContestId, participant, staffId, Ids.Hash(code), phone, cancellationToken)
                ? new RosterCode(staffId, participant.Nickname, code, null)
                : new RosterCode(staffId, participant.Nickname, null, "on the roster already"));
        }
        return codes;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
