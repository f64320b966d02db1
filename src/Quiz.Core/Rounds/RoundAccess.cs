using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>Who is asking: the participant their token proves, never an identity the client names.</summary>
public sealed class RoundAccess(IParticipantStore participants, OnlineRounds rounds)
{
    public async ValueTask<(RoundSetup Setup, Participant Participant)> AuthenticateAsync(string contestId, string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 128)
        {
            throw new DomainException("unauthorized", "A participant token is required (X-Participant-Token).");
        }
        var setup = await rounds.GetAsync(contestId, ct);
        var participant = await participants.FindByTokenAsync(contestId, Ids.Hash(token), ct)
            ?? throw new DomainException("unauthorized", "This participant token is not valid for this round.");
        return (setup, participant);
    }
}
