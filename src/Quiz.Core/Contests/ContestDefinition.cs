using Quiz.Core.Banks;
using Quiz.Core.Stage;

namespace Quiz.Core.Contests;

/// <summary>
/// A contest as stored: its rounds with their rules, and a snapshot of every question taken when the contest was
/// created, so editing a bank never changes a contest under way. Questions are numbered by <see cref="ContestQuestion.Seq"/>
/// across rounds, from 0.
/// </summary>
public sealed record ContestDefinition
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<ContestRound> Rounds { get; init; }

    public required IReadOnlyList<ContestQuestion> Questions { get; init; }

    /// <summary>SHA-256 of the host key; the key itself is shown once, to whoever created the contest.</summary>
    public required string HostKeyHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Teams on stage and each round's segment (知识竞赛); null for a contest of the audience only.</summary>
    public StageSetup? Stage { get; init; }

    /// <summary>The teams, units and districts a participant may name (see <see cref="ContestGroups"/>); null for a contest stored before groups were lists.</summary>
    public ContestGroups? Groups { get; init; }

    /// <summary>The groups joins are checked against: a contest stored without them keeps free text, now capped.</summary>
    public ContestGroups GroupsOrLegacy => Groups ?? ContestGroups.Legacy;

    /// <summary>Set for an online timed round (网络知识竞赛): then <see cref="Questions"/> is the pool papers are drawn from.</summary>
    public Rounds.OnlineRound? Online { get; init; }

    /// <summary>
    /// How many store slots the contest's answers, boards and progress are split over, by participant (1: all in the
    /// contest's own slot). Fixed at creation. A citywide contest takes more than one Redis core can serve.
    /// </summary>
    public int Shards { get; init; } = 1;

    public RoundRules RulesFor(int seq) => Rounds[Questions[seq].Round].Rules;

    /// <summary>The shard that holds a participant's answers, progress and board row.</summary>
    public int ShardOf(string participantId) => ContestShards.Of(participantId, Shards);
}

public sealed record ContestRound(string Title, RoundRules Rules);

/// <summary>One question of the contest, with the option order everyone sees and the salt of its key commitment.</summary>
public sealed record ContestQuestion(int Seq, int Round, Question Question, IReadOnlyList<int> DisplayOrder, string Salt);
