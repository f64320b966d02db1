namespace Quiz.Server.Live;

/// <summary>SignalR group names of a contest: everyone in it, and the watchers (hosts and big screens) who see live counts, and the stage's team seats.</summary>
internal static class Groups
{
    public static string Everyone(string contestId) => $"c:{contestId}";

    public static string Watchers(string contestId) => $"c:{contestId}:watch";

    /// <summary>The teams' seats on stage: they see the stage (turn, buzzer) but not the watchers' live counts.</summary>
    public static string Seats(string contestId) => $"c:{contestId}:seats";
}
