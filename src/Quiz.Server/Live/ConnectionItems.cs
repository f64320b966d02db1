using Microsoft.AspNetCore.SignalR;
using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>What a connection has proved about itself, kept for its lifetime. The server decides identity; the client never names it.</summary>
internal static class ConnectionItems
{
    private const string ContestKey = "contest";
    private const string ParticipantKey = "participant";
    private const string HostKey = "host";
    private const string BucketKey = "answers";
    private const string JudgeKey = "judge";
    private const string SeatKey = "seat";
    private const string JoinsKey = "joins";

    /// <summary>Contests one connection may join in its life; each is one participant (more would only serve a flood).</summary>
    public const int MaxJoinsPerConnection = 8;

    /// <summary>The participant this connection became with this join code, if it did: joining again is a rejoin of it.</summary>
    public static (string ContestId, Participant Participant, string Token)? JoinedWith(this HubCallerContext context, string? code) =>
        code is not null && context.Items.TryGetValue(JoinsKey, out var v) && v is Dictionary<string, (string, Participant, string)> joins
            && joins.TryGetValue(code, out var joined) ? joined : null;

    /// <summary>Whether the connection may become a participant of one more contest.</summary>
    public static bool MayJoinAnother(this HubCallerContext context) =>
        !context.Items.TryGetValue(JoinsKey, out var v) || v is not Dictionary<string, (string, Participant, string)> { Count: >= MaxJoinsPerConnection };

    /// <summary>Kept for the connection's life, whichever contest it turns to next (hub calls of one connection run one at a time).</summary>
    public static void RememberJoin(this HubCallerContext context, string code, string contestId, Participant participant, string token)
    {
        if (!context.Items.TryGetValue(JoinsKey, out var v) || v is not Dictionary<string, (string, Participant, string)> joins)
        {
            context.Items[JoinsKey] = joins = new Dictionary<string, (string, Participant, string)>(StringComparer.Ordinal);
        }
        joins[code] = (contestId, participant, token);
    }

    public static void SetParticipant(this HubCallerContext context, string contestId, Participant participant)
    {
        Enter(context, contestId);
        context.Items[ParticipantKey] = participant;
    }

    /// <summary>A host by key (<paramref name="account"/> null) or by an account whose roles are re-checked on every move.</summary>
    public static void SetHost(this HubCallerContext context, string contestId, string? account, bool judgeOnly = false)
    {
        Enter(context, contestId);
        context.Items[HostKey] = account ?? "";
        if (judgeOnly)
        {
            context.Items[JudgeKey] = true;
        }
    }

    public static void ClearHost(this HubCallerContext context) => context.Items.Remove(HostKey);

    /// <summary>A judge's account: it sees the host console but may only judge and correct.</summary>
    public static bool IsJudgeOnly(this HubCallerContext context) => context.Items.ContainsKey(JudgeKey);

    /// <summary>A team's seat (a phone or buzzer device that proved itself with the team's seat code).</summary>
    public static void SetSeat(this HubCallerContext context, string contestId, int team)
    {
        Enter(context, contestId);
        context.Items[SeatKey] = team;
    }

    public static int? Seat(this HubCallerContext context) => context.Items.TryGetValue(SeatKey, out var v) ? v as int? : null;

    public static string? HostAccount(this HubCallerContext context) =>
        context.Items.TryGetValue(HostKey, out var v) && v is string { Length: > 0 } account ? account : null;

    public static AnswerBucket Answers(this HubCallerContext context, Func<AnswerBucket> create)
    {
        if (context.Items.TryGetValue(BucketKey, out var v) && v is AnswerBucket bucket)
        {
            return bucket;
        }
        bucket = create();
        context.Items[BucketKey] = bucket;
        return bucket;
    }

    public static void SetWatcher(this HubCallerContext context, string contestId) => Enter(context, contestId);

    public static string? ContestId(this HubCallerContext context) => context.Items.TryGetValue(ContestKey, out var v) ? v as string : null;

    public static Participant? Participant(this HubCallerContext context) =>
        context.Items.TryGetValue(ParticipantKey, out var v) ? v as Participant : null;

    public static bool IsHost(this HubCallerContext context) => context.Items.ContainsKey(HostKey);

    /// <summary>
    /// Points the connection at <paramref name="contestId"/>. What it proved for another contest (host, judge, seat,
    /// participant) is dropped: a host of one contest who watches another must not move it, a seat must not buzz there.
    /// </summary>
    private static void Enter(HubCallerContext context, string contestId)
    {
        if (context.Items.TryGetValue(ContestKey, out var current) && current as string != contestId)
        {
            foreach (var key in new[] { ParticipantKey, HostKey, JudgeKey, SeatKey, BucketKey })
            {
                context.Items.Remove(key);
            }
        }
        context.Items[ContestKey] = contestId;
    }
}
