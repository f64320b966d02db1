namespace Quiz.Core.Contests;

/// <summary>Settings of live play (<c>Quiz:Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Quiz:Live";

    /// <summary>
    /// A question is sent now but opens this much later, the same instant on every phone, so the order in which
    /// thousands of sockets receive it does not decide who gets more time. Set it near the broadcast p99.
    /// </summary>
    public long OpenLeadMs { get; set; } = 500;

    /// <summary>How many rows of each board the big screen gets.</summary>
    public int BoardTop { get; set; } = 10;

    /// <summary>Answers one connection may send per second, on average; a flood is refused with "rate_limited" and nothing is stored.</summary>
    public double AnswersPerSecond { get; set; } = 5;

    /// <summary>Answers one connection may send at once before <see cref="AnswersPerSecond"/> applies.</summary>
    public int AnswerBurst { get; set; } = 10;

    /// <summary>Joins and rejoins this node admits per second; more get "busy" and retry.</summary>
    public int MaxJoinsPerSecond { get; set; } = 1000;

    /// <summary>Joins one client address may make per second on one node, on average (a venue's phones share its address).</summary>
    public double AddressJoinsPerSecond { get; set; } = 50;

    /// <summary>Joins one client address may make at once before <see cref="AddressJoinsPerSecond"/> applies.</summary>
    public int AddressJoinBurst { get; set; } = 200;
}
