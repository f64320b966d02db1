using Mediator;
using Microsoft.AspNetCore.SignalR;
using Quiz.Contracts;
using Quiz.Core.Accounts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Features.Live;
using Quiz.Server.Security;

namespace Quiz.Server.Live;

/// <summary>
/// The live hub: thin. Each method checks who the connection is, stamps the server time, and sends a command or
/// query through the mediator. Pushes go out through <see cref="RoomBroadcaster"/>.
/// </summary>
public sealed partial class QuizHub(ISender sender, LocalParticipants local, TimeProvider clock, QuizMetrics metrics, LiveOptions options,
    JoinGate joins, AccountRoles accounts, StoreWatch store) : Hub<IQuizClient>
{
    public Task<HubReply<ServerTime>> Sync(long clientTimeMs) =>
        Task.FromResult(HubReply<ServerTime>.Of(new ServerTime(clientTimeMs, clock.GetUtcNow().ToUnixTimeMilliseconds())));

    /// <summary>
    /// One connection is one participant per contest: joining the same contest again on it is a rejoin of that participant.
    /// Refusals come back as values, never thrown (a hostile crowd makes them the common case; see <see cref="Refusal"/>).
    /// </summary>
    public async Task<HubReply<Joined>> Join(JoinRequest request)
    {
        if (!joins.TryEnter(ClientAddress))
        {
            return Refuse(new Refusal(HubErrors.Busy, BusyMessage));
        }
        if (Context.JoinedWith(request?.Code) is { } again)
        {
            return HubReply<Joined>.Of(await AttachAsync(again.ContestId, again.Participant, again.Token));
        }
        if (!Context.MayJoinAnother())
        {
            return Refuse(new Refusal(HubErrors.Forbidden, $"One connection joins at most {ConnectionItems.MaxJoinsPerConnection} contests."));
        }
        var joined = await sender.Send(
            new JoinContest(request?.Code ?? "", request?.Nickname ?? "", request?.Team, request?.Unit, request?.District), Context.ConnectionAborted);
        if (joined.Refused is { } refused)
        {
            return Refuse(refused);
        }
        Context.RememberJoin(request!.Code, joined.ContestId, joined.Participant!, joined.Token);
        return HubReply<Joined>.Of(await AttachAsync(joined.ContestId, joined.Participant!, joined.Token));
    }

    private HubReply<Joined> Refuse(Refusal refusal)
    {
        metrics.JoinRefused(refusal.Code);
        return HubReply<Joined>.Refused(HubErrorFilter.ErrorOf(refusal.Code, refusal.Message, refusal.Fields));
    }

    /// <summary>A rejoin costs the address nothing unless its token is wrong: a hall reconnecting after a node restart is not slowed, a guesser is.</summary>
    public async Task<HubReply<Joined>> Rejoin(RejoinRequest request)
    {
        Admit(null);
        try
        {
            var participant = await sender.Send(new RejoinContest(request?.ContestId ?? "", request?.Token ?? ""), Context.ConnectionAborted);
            return HubReply<Joined>.Of(await AttachAsync(request!.ContestId, participant, request.Token));
        }
        catch (DomainException ex) when (ex.Code == "unknown_token")
        {
            joins.TryCharge(ClientAddress);
            throw;
        }
    }

    public async Task<HubReply<AnswerAck>> SubmitAnswer(AnswerRequest request)
    {
        var receivedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(); // the only time that counts
        var contestId = Context.ContestId();
        var participant = Context.Participant();
        if (contestId is null || participant is null)
        {
            throw new DomainException(HubErrors.NotJoined, "Join the contest before answering.");
        }
        if (!local.IsCurrent(contestId, participant.Id, Context.ConnectionId))
        {
            throw new DomainException(HubErrors.Superseded, "This participant has connected again elsewhere.");
        }
        if (!Context.Answers(() => new AnswerBucket(options.AnswersPerSecond, options.AnswerBurst, receivedAt)).TryTake(receivedAt))
        {
            metrics.Answered("rate_limited", 0);
            throw new DomainException(HubErrors.RateLimited, "Too many answers from this connection; slow down.");
        }
        var ack = await sender.Send(new Core.Features.Live.SubmitAnswer(contestId, participant, request.AnswerId, request.Seq,
            request.Options, request.Text, receivedAt), Context.ConnectionAborted);
        metrics.Answered(ack.Status, clock.GetUtcNow().ToUnixTimeMilliseconds() - receivedAt);
        return HubReply<AnswerAck>.Of(ack);
    }

    /// <summary>A big screen: read-only, by join code.</summary>
    public async Task<HubReply<RoomSnapshot>> Watch(string code)
    {
        var contestId = await sender.Send(new FindContestByCode(code), Context.ConnectionAborted);
        await LeaveOtherContestAsync(contestId);
        Context.SetWatcher(contestId);
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Everyone(contestId));
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Watchers(contestId));
        return HubReply<RoomSnapshot>.Of(await sender.Send(new GetRoomSnapshot(contestId, null), Context.ConnectionAborted));
    }

    /// <summary>
    /// By the contest's host key, or without one by an account that holds a hosting role (admin, organizer, host), or
    /// the judge role: a judge sees what the host sees but may only judge answers and correct scores.
    /// </summary>
    public async Task<HubReply<HostSession>> HostRoom(HostRoomRequest request)
    {
        var name = string.IsNullOrEmpty(request.HostKey) ? Context.User?.Identity?.Name : null;
        var account = name is not null && await accounts.HasAnyAsync(name, Roles.Judges, Context.ConnectionAborted) ? name : null;
        var judgeOnly = account is not null && !await accounts.HasAnyAsync(account, Roles.Hosts, Context.ConnectionAborted);
        var code = account is not null
            ? await sender.Send(new GetJoinCode(request.ContestId), Context.ConnectionAborted)
            : await sender.Send(new AuthorizeHost(request.ContestId, request.HostKey ?? ""), Context.ConnectionAborted);
        await LeaveOtherContestAsync(request.ContestId);
        Context.SetHost(request.ContestId, account, judgeOnly);
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Everyone(request.ContestId));
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Watchers(request.ContestId));
        return HubReply<HostSession>.Of(new HostSession(code, await sender.Send(new GetRoomSnapshot(request.ContestId, null), Context.ConnectionAborted)));
    }

    public async Task<HubReply<RoomState>> Control(ControlRequest request)
    {
        var contestId = Context.ContestId();
        if (contestId is null || !Context.IsHost() || Context.IsJudgeOnly())
        {
            throw new DomainException(HubErrors.Forbidden, "Only the host of this contest may move the room.");
        }
        await sender.Send(new MoveRoom(contestId, request.Move, Context.HostAccount() is { } account ? $"account:{account}" : $"host:{Context.ConnectionId}"),
            Context.ConnectionAborted);
        return HubReply<RoomState>.Of((await sender.Send(new GetRoomSnapshot(contestId, null), Context.ConnectionAborted)).State);
    }

    public override async Task OnConnectedAsync()
    {
        metrics.Connected();
        store.Connected(Context.ConnectionId);
        if (!store.Available)
        {
            await Clients.Caller.StoreChanged(new StoreStatus(false, clock.GetUtcNow().ToUnixTimeMilliseconds()));
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.Disconnected();
        store.Disconnected(Context.ConnectionId);
        if (Context.ContestId() is { } contestId)
        {
            local.Detach(contestId, Context.ConnectionId);
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A connection serves one contest at a time: entering another takes it out of the first one's groups and this
    /// node's participant list, so it gets neither that contest's events nor its own old standing any more.
    /// </summary>
    private async Task LeaveOtherContestAsync(string contestId)
    {
        if (Context.ContestId() is not { } previous || previous == contestId)
        {
            return;
        }
        local.Detach(previous, Context.ConnectionId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Live.Groups.Everyone(previous));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Live.Groups.Watchers(previous));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Live.Groups.Seats(previous));
    }

    /// <summary>The client's address as the edge established it (a configured proxy's X-Forwarded-For, else the socket's peer).</summary>
    private System.Net.IPAddress? ClientAddress => Context.GetHttpContext()?.Connection.RemoteIpAddress;

    private const string BusyMessage = "The server is admitting many people right now; retry in a moment.";

    private void Admit(System.Net.IPAddress? address)
    {
        if (!joins.TryEnter(address))
        {
            throw new DomainException(HubErrors.Busy, BusyMessage);
        }
    }

    private async Task<Joined> AttachAsync(string contestId, Core.Contests.Participant participant, string token)
    {
        await LeaveOtherContestAsync(contestId);
        Context.SetParticipant(contestId, participant);
        metrics.Joined();
        var previous = local.Attach(contestId, participant, Context.ConnectionId);
        if (previous is not null)
        {
            await Clients.Client(previous).Superseded("This participant connected again on another device or tab.");
            await Groups.RemoveFromGroupAsync(previous, Live.Groups.Everyone(contestId));
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, Live.Groups.Everyone(contestId));
        var room = await sender.Send(new GetRoomSnapshot(contestId, participant), Context.ConnectionAborted);
        return new Joined(contestId, participant.Id, token, participant.Nickname, room);
    }
}
