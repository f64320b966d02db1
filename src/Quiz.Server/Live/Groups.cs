namespace Quiz.Server.Live;

/// <summary>SignalR group names of a contest: everyone in it, and the watchers (hosts and big screens) who see live counts.</summary>
internal static class Groups
{
    public static string Everyone(string contestId) => $"c:{contestId}";

    public static string Watchers(string contestId) => $"c:{contestId}:watch";
}
