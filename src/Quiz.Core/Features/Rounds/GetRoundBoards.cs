using System.Collections.Concurrent;
using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>The public boards once results are released: the top people (names masked unless the organizer made them public) and every unit and district.</summary>
public sealed record GetRoundBoards(string ContestId, int Top = 10) : IQuery<RoundBoards>;

public sealed record BoardPerson(int Rank, string Name, string? Unit, string? District, double Score, long TimeUsedMs);

public sealed record RoundBoards(string ContestId, string Title, int Registered, int Submitted,
    IReadOnlyList<BoardPerson> Top, IReadOnlyList<GroupBoardRow> Units, IReadOnlyList<GroupBoardRow> Districts);

public sealed class GetRoundBoardsHandler(OnlineRounds rounds, IAttemptStore attempts, IBoardAudit audit, TimeProvider clock)
    : IQueryHandler<GetRoundBoards, RoundBoards>
{
    // Everyone may ask at the close; one tally per node every few seconds is enough for a board.
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, RoundResults Results)> _cache = new();

    public async ValueTask<RoundBoards> Handle(GetRoundBoards query, CancellationToken cancellationToken)
    {
        var setup = await rounds.GetAsync(query.ContestId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!setup.Round.Released(now.ToUnixTimeMilliseconds()))
        {
            throw new DomainException("results_not_released", "The results are published when the round closes.");
        }
        if (!_cache.TryGetValue(query.ContestId, out var cached) || now - cached.At > Fresh)
        {
            var results = await attempts.ReadResultsAsync(query.ContestId, cancellationToken);
            var people = await audit.ReadParticipantsAsync(query.ContestId, cancellationToken);
            cached = (now, RoundTally.Build(setup.Contest, results, people, new RoundSignals(new Dictionary<string, IReadOnlyList<string>>(),
                new Dictionary<string, IReadOnlyDictionary<string, long>>(), []), results.Count));
            _cache[query.ContestId] = cached;
        }
        var r = cached.Results;
        return new RoundBoards(r.ContestId, r.Title, r.Registered, r.Submitted,
            [.. r.People.Take(Math.Clamp(query.Top, 0, 100)).Select(p => new BoardPerson(p.Rank, setup.Round.PublicNames ? p.Name : Masked(p.Name), p.Unit, p.District, p.Score, p.TimeUsedMs))],
            r.Units, r.Districts);
    }

    /// <summary>王小明 → 王*明, 张三 → 张*: enough for people to find themselves, not a list of names.</summary>
    public static string Masked(string name)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(name);
        var parts = new List<string>();
        while (elements.MoveNext())
        {
            parts.Add(elements.GetTextElement());
        }
        return parts.Count switch
        {
            0 => "",
            1 or 2 => parts[0] + "*",
            _ => parts[0] + new string('*', parts.Count - 2) + parts[^1],
        };
    }
}
