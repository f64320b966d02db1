using System.Collections.Concurrent;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Rounds;

/// <summary>An online round with its pool indexed by question id, built once per node.</summary>
public sealed class RoundSetup(ContestDefinition contest)
{
    public ContestDefinition Contest { get; } = contest;

    public OnlineRound Round { get; } = contest.Online ?? throw DomainException.NotFound("Online round", contest.Id);

    public IReadOnlyList<Question> Pool { get; } = [.. contest.Questions.Select(q => q.Question)];

    public IReadOnlyDictionary<string, Question> ById { get; } = contest.Questions.ToDictionary(q => q.Question.Id, q => q.Question);
}

/// <summary>This node's cache of online rounds (definitions never change once created).</summary>
public sealed class OnlineRounds(LiveRooms rooms)
{
    private readonly ConcurrentDictionary<string, RoundSetup> _setups = new();

    public async ValueTask<RoundSetup> GetAsync(string contestId, CancellationToken ct)
    {
        if (_setups.TryGetValue(contestId, out var setup))
        {
            return setup;
        }
        var contest = await rooms.GetContestAsync(contestId, ct);
        return _setups.GetOrAdd(contestId, _ => new RoundSetup(contest));
    }
}
