namespace Quiz.Core.Contests;

/// <summary>
/// What the contest list shows of a contest that does not change after creation, kept beside the index so listing
/// never reads a definition (which carries every question).
/// </summary>
public sealed record ContestSummary(string Id, string Title, string Kind, long CreatedAtMs, int Questions, long? OpensAtMs, long? ClosesAtMs)
{
    public const string Live = "live";
    public const string Stage = "stage";
    public const string Online = "online";

    public static ContestSummary Of(ContestDefinition contest) => new(contest.Id, contest.Title,
        contest.Online is not null ? Online : contest.Stage is not null ? Stage : Live,
        contest.CreatedAt.ToUnixTimeMilliseconds(), contest.Questions.Count, contest.Online?.OpensAtMs, contest.Online?.ClosesAtMs);
}

/// <summary>One row of the list as stored: the summary, the join code, the room's status and question, the head count.</summary>
public sealed record ContestListRow(ContestSummary Summary, string JoinCode, string RoomStatus, int Seq, long Participants);
