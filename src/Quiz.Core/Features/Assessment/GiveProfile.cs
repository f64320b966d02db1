using Mediator;
using Quiz.Core.Assessment;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Assessment;

/// <summary>
/// A respondent, proving who they are with their participant token, gives their age band, sex, education and
/// district for the indicator. Nothing is stored without consent; consent false withdraws it and deletes what was
/// given. Consent must be said either way: a request without it is refused (400 on <c>consent</c>), never read as a
/// withdrawal. Giving it again replaces it. Every other field is optional: what is missing only keeps the respondent
/// out of the weighted share (an age band outside 18-69 keeps them out of the indicator; residence counts only where a
/// district's margins give it).
/// </summary>
public sealed record GiveProfile(string ContestId, string Token, bool? Consent, string? AgeBand, string? Sex, string? Education, string? District,
    string? Residence = null) : ICommand<ProfileOutcome>, IValidated
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(ContestId) || ContestId.Length > 64)
        {
            yield return new FieldError("contestId", "is required");
        }
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 128)
        {
            yield return new FieldError("token", "is required");
        }
        if (Consent is null)
        {
            yield return new FieldError("consent", "is required: true to give the profile, false to withdraw it");
            yield break;
        }
        if (Consent == false)
        {
            yield break; // a withdrawal carries nothing to check
        }
        if (AgeBand is not null && !ProfileCodes.IsAgeBand(AgeBand))
        {
            yield return new FieldError("ageBand", $"is one of {string.Join(", ", ProfileCodes.CountedAgeBands.Concat(ProfileCodes.ExcludedAgeBands))}");
        }
        if (Sex is not null && !ProfileCodes.Sexes.Contains(Sex))
        {
            yield return new FieldError("sex", $"is one of {string.Join(", ", ProfileCodes.Sexes)}");
        }
        if (Education is not null && !ProfileCodes.Educations.Contains(Education))
        {
            yield return new FieldError("education", $"is one of {string.Join(", ", ProfileCodes.Educations)}");
        }
        if (District is not null && !ProfileCodes.IsDistrict(District))
        {
            yield return new FieldError("district", $"is one of {string.Join("、", ProfileCodes.Districts)}");
        }
        if (Residence is not null && !ProfileCodes.Residences.Contains(Residence))
        {
            yield return new FieldError("residence", $"is one of {string.Join(", ", ProfileCodes.Residences)}");
        }
    }
}

/// <summary>Whether a profile is now on record, and whether the respondent counts in the indicator by age.</summary>
public sealed record ProfileOutcome(bool Stored, bool Counted);

public sealed class GiveProfileHandler(IAssessmentStore store, IParticipantStore participants, TimeProvider clock)
    : ICommandHandler<GiveProfile, ProfileOutcome>
{
    public async ValueTask<ProfileOutcome> Handle(GiveProfile command, CancellationToken cancellationToken)
    {
        _ = await store.GetSetupAsync(command.ContestId, cancellationToken) ?? throw DomainException.NotFound("Assessment", command.ContestId);
        var participant = await participants.FindByTokenAsync(command.ContestId, Ids.Hash(command.Token), cancellationToken)
            ?? throw new DomainException("unknown_token", "This participant token is not valid for this contest.");
        if (command.Consent != true)
        {
            await store.DeleteProfileAsync(command.ContestId, participant.Id, cancellationToken);
            return new ProfileOutcome(false, true);
        }
        var profile = new RespondentProfile(command.AgeBand, command.Sex, command.Education, command.District,
            clock.GetUtcNow().ToUnixTimeMilliseconds(), command.Residence);
        await store.SaveProfileAsync(command.ContestId, participant.Id, profile, cancellationToken);
        return new ProfileOutcome(true, !profile.OutsideAgeRange);
    }
}
