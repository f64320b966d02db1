namespace Quiz.Contracts;

/// <summary>The hub's path and method names, shared so clients and tests never spell them twice.</summary>
public static class HubMethods
{
    public const string Path = "/hubs/quiz";

    public const string Sync = nameof(Sync);
    public const string Join = nameof(Join);
    public const string Rejoin = nameof(Rejoin);
    public const string SubmitAnswer = nameof(SubmitAnswer);
    public const string Watch = nameof(Watch);
    public const string HostRoom = nameof(HostRoom);
    public const string Control = nameof(Control);
    public const string Stage = nameof(Stage);
    public const string GetStage = nameof(GetStage);
    public const string StageSeats = nameof(StageSeats);
    public const string TakeSeat = nameof(TakeSeat);
    public const string Buzz = nameof(Buzz);
    public const string GetKey = nameof(GetKey);
}
