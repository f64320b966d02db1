using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>Comes back with a participant token after a drop: the same participant, with its score and streak.</summary>
public sealed record RejoinContest(string ContestId, string Token) : ICommand<Participant>, IValidated
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
    }
}

public sealed class RejoinContestHandler(IParticipantStore participants, LiveRooms rooms) : ICommandHandler<RejoinContest, Participant>
{
    public async ValueTask<Participant> Handle(RejoinContest command, CancellationToken cancellationToken)
    {
        _ = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        var participant = await participants.FindByTokenAsync(command.ContestId, Ids.Hash(command.Token), cancellationToken)
            ?? throw new DomainException("unknown_token", "This participant token is not valid for this contest; join again with the code.");
        // Another node may have scored this participant since this node last saw it.
        rooms.RememberProgress(command.ContestId, participant.Id, await participants.GetProgressAsync(command.ContestId, participant.Id, cancellationToken));
        return participant;
    }
}
