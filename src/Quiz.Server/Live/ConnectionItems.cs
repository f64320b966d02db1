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

    public static void SetParticipant(this HubCallerContext context, string contestId, Participant participant)
    {
        context.Items[ContestKey] = contestId;
        context.Items[ParticipantKey] = participant;
    }

    /// <summary>A host by key (<paramref name="account"/> null) or by an account whose roles are re-checked on every move.</summary>
    public static void SetHost(this HubCallerContext context, string contestId, string? account)
    {
        context.Items[ContestKey] = contestId;
        context.Items[HostKey] = account ?? "";
    }

    public static void ClearHost(this HubCallerContext context) => context.Items.Remove(HostKey);

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

    public static void SetWatcher(this HubCallerContext context, string contestId) => context.Items[ContestKey] = contestId;

    public static string? ContestId(this HubCallerContext context) => context.Items.TryGetValue(ContestKey, out var v) ? v as string : null;

    public static Participant? Participant(this HubCallerContext context) =>
        context.Items.TryGetValue(ParticipantKey, out var v) ? v as Participant : null;

    public static bool IsHost(this HubCallerContext context) => context.Items.ContainsKey(HostKey);
}
