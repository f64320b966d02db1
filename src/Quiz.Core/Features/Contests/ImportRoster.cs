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
        if (People is not { Count: > 0 and <= 100_000 })
        {
            yield return new FieldError("people", "lists 1 to 100,000 people");
            yield break;
        }
        for (var i = 0; i < People.Count; i++)
        {
            var p = People[i];
            if (string.IsNullOrWhiteSpace(p.Name) || p.Name.Trim().Length > 20)
            {
                yield return new FieldError($"people[{i}].name", "is required, at most 20 characters");
            }
            if (string.IsNullOrWhiteSpace(p.StaffId) || p.StaffId.Length > 50)
            {
                yield return new FieldError($"people[{i}].staffId", "is required, at most 50 characters");
            }
            if (p.Phone is { Length: > 0 } phone && (phone.Length is < 7 or > 20 || !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ')))
            {
                yield return new FieldError($"people[{i}].phone", "is 7-20 digits");
            }
        }
    }
}

public sealed class ImportRosterHandler(LiveRooms rooms, IRosterStore roster, IPhoneProtector protector)
    : ICommandHandler<ImportRoster, IReadOnlyList<RosterCode>>
{
    public async ValueTask<IReadOnlyList<RosterCode>> Handle(ImportRoster command, CancellationToken cancellationToken)
    {
        _ = await rooms.GetContestAsync(command.ContestId, cancellationToken); // 404 for an unknown contest
        var codes = new List<RosterCode>(command.People.Count);
        foreach (var person in command.People)
        {
            var staffId = person.StaffId.Trim();
            var participant = new Participant(Ids.New(), person.Name.Trim(), null, Clean(person.Unit), Clean(person.District));
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
