using Quiz.Core.Common;
using Quiz.Contracts;
using Quiz.Core.Features.Stage;

namespace Quiz.Server.Live;

/// <summary>The stage contest's methods: the host's and judges' moves, the teams' seats and their buzzers.</summary>
public sealed partial class QuizHub
{
    /// <summary>Host: every stage move. Judge: judge and correct only. Authorized like <see cref="Control"/>.</summary>
    public async Task<HubReply<StageView>> Stage(StageRequest request)
    {
        var contestId = Context.ContestId();
        if (contestId is null || !Context.IsHost())
        {
            throw new DomainException(HubErrors.Forbidden, "Only the host or a judge of this contest may change the stage.");
        }
        var actor = Context.HostAccount() is { } account ? $"account:{account}" : $"host:{Context.ConnectionId}";
        return HubReply<StageView>.Of(await sender.Send(new MoveStage(contestId, request, actor, Context.IsJudgeOnly()), Context.ConnectionAborted));
    }

    /// <summary>The stage as it stands, for anyone attached to the contest (host, judge, screen, seat, participant).</summary>
    public async Task<HubReply<StageView?>> GetStage()
    {
        var contestId = Context.ContestId() ?? throw new DomainException(HubErrors.NotJoined, "Watch, host or join the contest first.");
        return HubReply<StageView?>.Of(await sender.Send(new Core.Features.Stage.GetStage(contestId), Context.ConnectionAborted));
    }

    /// <summary>
    /// Host or judge of this contest only: question <paramref name="seq"/>'s key and explanation before the reveal, so a
    /// judge can mark an oral answer. A participant, a screen, a seat or a stranger gets <c>forbidden</c>.
    /// </summary>
    public async Task<HubReply<QuestionKey>> GetKey(int seq)
    {
        var contestId = Context.ContestId();
        if (contestId is null || !Context.IsHost())
        {
            throw new DomainException(HubErrors.Forbidden, "Only the host or a judge of this contest may see a key before the reveal.");
        }
        return HubReply<QuestionKey>.Of(await sender.Send(new Core.Features.Live.GetQuestionKey(contestId, seq), Context.ConnectionAborted));
    }

    /// <summary>Host only: each team's seat code, to hand to the team's phone or buzzer device.</summary>
    public async Task<HubReply<IReadOnlyList<StageSeat>>> StageSeats()
    {
        var contestId = Context.ContestId();
        if (contestId is null || !Context.IsHost() || Context.IsJudgeOnly())
        {
            throw new DomainException(HubErrors.Forbidden, "Only the host of this contest may hand out seat codes.");
        }
        return HubReply<IReadOnlyList<StageSeat>>.Of(await sender.Send(new GetSeats(contestId), Context.ConnectionAborted));
    }

    /// <summary>A team's device takes its seat with the team's code; from then on it may buzz for that team.</summary>
    public async Task<HubReply<Seated>> TakeSeat(SeatRequest request)
    {
        var team = await sender.Send(new FindSeat(request.ContestId, request.Code), Context.ConnectionAborted);
        await LeaveOtherContestAsync(request.ContestId);
        Context.SetSeat(request.ContestId, team);
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Seats(request.ContestId));
        var stage = (await sender.Send(new Core.Features.Stage.GetStage(request.ContestId), Context.ConnectionAborted))!;
        return HubReply<Seated>.Of(new Seated(request.ContestId, team, stage.Teams[team].Name, stage));
    }

    /// <summary>
    /// A buzz. Stamped here on arrival, in microseconds, before anything else: the stamp is the only time that counts,
    /// and the client's own clock is never asked.
    /// </summary>
    public async Task<HubReply<BuzzAck>> Buzz()
    {
        var atUs = clock.GetUtcNow().UtcTicks / 10 - (DateTimeOffset.UnixEpoch.UtcTicks / 10);
        if (Context.ContestId() is not { } contestId || Context.Seat() is not { } team)
        {
            throw new DomainException(HubErrors.NotSeated, "Take your team's seat before buzzing.");
        }
        return HubReply<BuzzAck>.Of(await sender.Send(new BuzzIn(contestId, team, atUs), Context.ConnectionAborted));
    }
}
