using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>Self-registration, where the round allows it: a participant with name, unit and district, and their token.</summary>
public sealed record RegisterForRound(string ContestId, string Name, string? Unit, string? District) : ICommand<RoundRegistration>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        if (TypedText.Check("name", Name, TextShape.Name, 20, required: true) is { } name)
        {
            yield return name;
        }
        foreach (var (field, value) in new[] { ("unit", Unit), ("district", District) })
        {
            if (TypedText.Check(field, value, TextShape.Name, 50) is { } error)
            {
                yield return error;
            }
        }
    }
}

public sealed class RegisterForRoundHandler(OnlineRounds rounds, IParticipantStore participants, IGroupRegistry groups, TimeProvider clock)
    : ICommandHandler<RegisterForRound, RoundRegistration>
{
    public async ValueTask<RoundRegistration> Handle(RegisterForRound command, CancellationToken cancellationToken)
    {
        var setup = await rounds.GetAsync(command.ContestId, cancellationToken);
        if (!setup.Round.SelfRegistration)
        {
            throw new DomainException("roster_only", "This round is for the people on its roster; use your personal code.");
        }
        if (clock.GetUtcNow().ToUnixTimeMilliseconds() >= setup.Round.ClosesAtMs)
        {
            throw new DomainException("round_closed", "This round has closed.");
        }
        var (_, unit, district) = await GroupAdmission.AdmitAsync(groups, command.ContestId, setup.Contest.GroupsOrLegacy, null, command.Unit, command.District,
            cancellationToken);
        var participant = new Participant(Ids.New(), TypedText.Clean(command.Name, TextShape.Name), null, unit, district);
        var token = Ids.Secret();
        await participants.AddAsync(command.ContestId, participant, Ids.Hash(token), cancellationToken);
        return new RoundRegistration(participant.Id, token);
    }
}
