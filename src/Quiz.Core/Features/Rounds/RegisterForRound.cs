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
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 20)
        {
            yield return new FieldError("name", "is required, at most 20 characters");
        }
        foreach (var (field, value) in new[] { ("unit", Unit), ("district", District) })
        {
            if (value is { Length: > 50 })
            {
                yield return new FieldError(field, "is at most 50 characters");
            }
        }
    }
}

public sealed class RegisterForRoundHandler(OnlineRounds rounds, IParticipantStore participants, TimeProvider clock)
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
        var participant = new Participant(Ids.New(), command.Name.Trim(), null, Clean(command.Unit), Clean(command.District));
        var token = Ids.Secret();
        await participants.AddAsync(command.ContestId, participant, Ids.Hash(token), cancellationToken);
        return new RoundRegistration(participant.Id, token);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
