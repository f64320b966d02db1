using Mediator;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Contests;

/// <summary>
/// How a contest was set up, for an organizer to check before the day: rounds with their rules and question counts,
/// and the stage (teams, members, each round's segment). No question text, key or salt: those stay with the host's
/// moves and the reveal.
/// </summary>
public sealed record GetContestSetup(string ContestId) : IQuery<ContestSetup>;

public sealed record ContestSetup(string ContestId, string Title, string JoinCode, DateTimeOffset CreatedAt, bool OnlineRound,
    IReadOnlyList<RoundSetup> Rounds, StageSetup? Stage);

public sealed record RoundSetup(string Title, RoundRules Rules, int Questions);

public sealed class GetContestSetupHandler(LiveRooms rooms, IContestStore store) : IQueryHandler<GetContestSetup, ContestSetup>
{
    public async ValueTask<ContestSetup> Handle(GetContestSetup query, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(query.ContestId, cancellationToken);
        var rounds = contest.Rounds.Select((r, i) => new RoundSetup(r.Title, r.Rules, contest.Questions.Count(q => q.Round == i))).ToList();
        return new ContestSetup(contest.Id, contest.Title, await store.GetJoinCodeAsync(contest.Id, cancellationToken) ?? "",
            contest.CreatedAt, contest.Online is not null, rounds, contest.Stage);
    }
}
