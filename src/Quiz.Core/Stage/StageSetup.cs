using Quiz.Core.Common;

namespace Quiz.Core.Stage;

/// <summary>
/// A stage contest (知识竞赛) beside the room: teams on stage, their base score, and for each round of the contest the
/// segment it plays (null: the round is the audience's only). Data, not code: templates are made of these.
/// </summary>
public sealed record StageSetup
{
    public required IReadOnlyList<StageTeam> Teams { get; init; }

    public int BaseScore { get; init; } = 100;

    /// <summary>One per contest round, by index.</summary>
    public required IReadOnlyList<StageSegment?> Segments { get; init; }

    /// <summary>
    /// How long after the first valid buzz the server waits for buzzes stamped earlier on other nodes to reach the
    /// store before it gives the answer to the earliest. Covers the stamp-to-store lag, not client latency.
    /// </summary>
    public int BuzzSettleMs { get; init; } = 300;

    public IEnumerable<FieldError> Validate(string field, int rounds)
    {
        if (Teams is null || Teams.Count is < 2 or > 16)
        {
            yield return FieldError.Of($"{field}.teams", StageReasons.Teams.With());
            yield break;
        }
        var firstNamed = new Dictionary<string, int>(StringComparer.Ordinal); // cleaned team name -> its first team
        for (var i = 0; i < Teams.Count; i++)
        {
            var team = Teams[i];
            if (team is null)
            {
                yield return FieldError.Of($"{field}.teams[{i}]", StageReasons.Required.With());
                yield break;
            }
            var name = TypedText.Clean(team.Name, TextShape.Name);
            if (name.Length == 0 || TypedText.Length(name) > 50)
            {
                yield return FieldError.Of($"{field}.teams[{i}].name", StageReasons.Name.With(("max", 50)));
            }
            else if (TypedText.Problem(name, TextShape.Name, 50) is { } problem)
            {
                yield return FieldError.Of($"{field}.teams[{i}].name", problem);
            }
            var members = team.Members?.Select(m => TypedText.Clean(m, TextShape.Name)).ToList();
            if (members is null || members.Count is < 1 or > 10 || members.Any(m => m.Length == 0 || TypedText.Length(m) > 50))
            {
                yield return FieldError.Of($"{field}.teams[{i}].members", StageReasons.Members.With());
            }
            else if (members.Select(m => TypedText.Problem(m, TextShape.Name, 50)).FirstOrDefault(p => p is not null) is { } memberProblem)
            {
                yield return FieldError.Of($"{field}.teams[{i}].members", memberProblem);
            }
            else if (members.Distinct().Count() != members.Count)
            {
                // The host console and the screen tell members apart by name only (必答 by member).
                yield return FieldError.Of($"{field}.teams[{i}].members", StageReasons.SameMember.With());
            }
            // The later of two same-named teams is the one to rename; its own field is named so a form can mark it.
            if (name.Length > 0 && !firstNamed.TryAdd(name, i))
            {
                yield return FieldError.Of($"{field}.teams[{i}].name", StageReasons.SameTeam.With(("team", firstNamed[name] + 1)));
            }
        }
        if (BaseScore is < 0 or > 100_000)
        {
            yield return FieldError.Of($"{field}.baseScore", StageReasons.Between.With(("min", 0), ("max", 100_000)));
        }
        if (BuzzSettleMs is < 50 or > 3000)
        {
            yield return FieldError.Of($"{field}.buzzSettleMs", StageReasons.BetweenMs.With(("min", 50), ("max", 3000)));
        }
        if (Segments is null || Segments.Count != rounds)
        {
            yield return FieldError.Of($"{field}.segments", StageReasons.Segments.With(("rounds", rounds)));
            yield break;
        }
        for (var i = 0; i < Segments.Count; i++)
        {
            foreach (var error in Segments[i]?.Validate($"{field}.segments[{i}]") ?? [])
            {
                yield return error;
            }
        }
    }
}

public sealed record StageTeam(string Name, IReadOnlyList<string> Members);
