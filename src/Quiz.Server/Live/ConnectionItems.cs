using Microsoft.AspNetCore.SignalR;
using Quiz.Core.Contests;

namespace Quiz.Server.Live;

/// <summary>What a connection has proved about itself, kept for its lifetime. The server decides identity; the client never names it.</summary>
internal static class ConnectionItems
{
    private const string ContestKey = "contest";
    private const string ParticipantKey = "participant";
    private const string HostKey = "host";

    public static void SetParticipant(this HubCallerContext context, string contestId, Participant participant)
    {
        context.Items[ContestKey] = contestId;
        context.Items[ParticipantKey] = participant;
    }

    public static void SetHost(this HubCallerContext context, string contestId)
    {
        context.Items[ContestKey] = contestId;
        context.Items[HostKey] = true;
    }

    public static void SetWatcher(this HubCallerContext context, string contestId) => context.Items[ContestKey] = contestId;

    public static string? ContestId(this HubCallerContext context) => context.Items.TryGetValue(ContestKey, out var v) ? v as string : null;

    public static Participant? Participant(this HubCallerContext context) =>
        context.Items.TryGetValue(ParticipantKey, out var v) ? v as Participant : null;

    public static bool IsHost(this HubCallerContext context) => context.Items.ContainsKey(HostKey);
}
