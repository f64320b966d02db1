using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Features.Live;

/// <summary>
/// Joins an open room by its code and a nickname. Returns the participant token that proves who it is on rejoining,
/// or the refusal as a value: the code is public, so a refused join is the common case under attack and is not
/// thrown (see <see cref="Refusal"/>). For the same reason this command checks its own fields in the handler rather
/// than through the pipeline's validation, which throws.
/// </summary>
public sealed record JoinContest(string Code, string Nickname, string? Team, string? Unit, string? District) : ICommand<JoinOutcome>
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

/// <summary>Who joined (<see cref="Participant"/>, its contest and token), or why not (<see cref="Refused"/>).</summary>
public sealed record JoinOutcome(Participant? Participant, string ContestId, string Token, Refusal? Refused = null)
{
    public static JoinOutcome Refuse(Refusal refusal) => new(null, "", "", refusal);

    public static JoinOutcome Refuse(string code, string message) => Refuse(new Refusal(code, message));
}

public sealed class JoinContestHandler(IContestStore contests, IParticipantStore participants, IGroupRegistry groups, LiveRooms rooms, TimeProvider clock)
    : ICommandHandler<JoinContest, JoinOutcome>
{
    public async ValueTask<JoinOutcome> Handle(JoinContest command, CancellationToken cancellationToken)
    {
        if (command.Validate().ToList() is { Count: > 0 } errors)
        {
            return JoinOutcome.Refuse(Refusal.Invalid(errors));
        }
        var contestId = await contests.FindByJoinCodeAsync(command.Code, cancellationToken);
        if (contestId is null)
        {
            return JoinOutcome.Refuse("unknown_code", $"No contest has the join code {command.Code}.");
        }
        var contest = await rooms.GetContestAsync(contestId, cancellationToken);
        if (contest.Online is not null)
        {
            return JoinOutcome.Refuse("online_round", "This is an online round: take it on its own page, not in a live room.");
        }
        var room = RoomMachine.Settle(await rooms.GetRoomAsync(contestId, cancellationToken), clock.GetUtcNow().ToUnixTimeMilliseconds());
        if (room.Status == RoomStatuses.Ended)
        {
            return JoinOutcome.Refuse("contest_ended", "This contest has ended.");
        }
        if (room.Status != RoomStatuses.Lobby && !contest.RulesFor(room.Seq).LateJoin)
        {
            return JoinOutcome.Refuse("late_join_closed", "This contest has started and does not take late joiners.");
        }
        var ((team, unit, district), refused) = await GroupAdmission.TryAdmitAsync(groups, contestId, contest.GroupsOrLegacy,
            command.Team, command.Unit, command.District, cancellationToken);
        if (refused is not null)
        {
            return JoinOutcome.Refuse(refused);
        }
        var participant = new Participant(Ids.New(), TypedText.Clean(command.Nickname, TextShape.Name), team, unit, district);
        var token = Ids.Secret();
        await participants.AddAsync(contestId, participant, Ids.Hash(token), cancellationToken);
        rooms.RememberProgress(contestId, participant.Id, Progress.None);
        return new JoinOutcome(participant, contestId, token);
    }
}
