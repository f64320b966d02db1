using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>Joins an open room by its code and a nickname. Returns the participant token that proves who it is on rejoining.</summary>
public sealed record JoinContest(string Code, string Nickname, string? Team, string? Unit, string? District)
    : ICommand<(Participant Participant, string ContestId, string Token)>, IValidated
{
    public const int MaxNickname = 20;

    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Code) || Code.Length != 6 || !Code.All(char.IsAsciiDigit))
        {
            yield return new FieldError("code", "the join code has 6 digits");
        }
        if (TypedText.Check("nickname", Nickname, TextShape.Name, MaxNickname, required: true) is { } nickname)
        {
            yield return nickname;
        }
        foreach (var (name, value) in new[] { ("team", Team), ("unit", Unit), ("district", District) })
        {
            if (TypedText.Check(name, value, TextShape.Name, ContestGroups.MaxName) is { } error)
            {
                yield return error;
            }
        }
    }
}

public sealed class JoinContestHandler(IContestStore contests, IParticipantStore participants, IGroupRegistry groups, LiveRooms rooms, TimeProvider clock)
    : ICommandHandler<JoinContest, (Participant Participant, string ContestId, string Token)>
{
    public async ValueTask<(Participant Participant, string ContestId, string Token)> Handle(JoinContest command, CancellationToken cancellationToken)
    {
        var contestId = await contests.FindByJoinCodeAsync(command.Code, cancellationToken)
            ?? throw new DomainException("unknown_code", $"No contest has the join code {command.Code}.");
        var contest = await rooms.GetContestAsync(contestId, cancellationToken);
        if (contest.Online is not null)
        {
            throw new DomainException("online_round", "This is an online round: take it on its own page, not in a live room.");
        }
        var room = RoomMachine.Settle(await rooms.GetRoomAsync(contestId, cancellationToken), clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (room.Status == RoomStatuses.Ended)
        {
            throw new DomainException("contest_ended", "This contest has ended.");
        }
        if (room.Status != RoomStatuses.Lobby && !contest.RulesFor(room.Seq).LateJoin)
        {
            throw new DomainException("late_join_closed", "This contest has started and does not take late joiners.");
        }
        var (team, unit, district) = await GroupAdmission.AdmitAsync(groups, contestId, contest.GroupsOrLegacy, command.Team, command.Unit, command.District, cancellationToken);
        var participant = new Participant(Ids.New(), TypedText.Clean(command.Nickname, TextShape.Name), team, unit, district);
        var token = Ids.Secret();
        await participants.AddAsync(contestId, participant, Ids.Hash(token), cancellationToken);
        rooms.RememberProgress(contestId, participant.Id, Progress.None);
        return (participant, contestId, token);
    }
}
