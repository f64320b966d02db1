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
            yield return new FieldError($"{field}.teams", "a stage needs 2 to 16 teams");
            yield break;
        }
        var firstNamed = new Dictionary<string, int>(StringComparer.Ordinal); // trimmed team name -> its first team
        for (var i = 0; i < Teams.Count; i++)
        {
            var team = Teams[i];
            if (team is null)
            {
                yield return new FieldError($"{field}.teams[{i}]", "is required");
                yield break;
            }
            if (string.IsNullOrWhiteSpace(team.Name) || team.Name.Length > 50)
            {
                yield return new FieldError($"{field}.teams[{i}].name", "is required and at most 50 characters");
            }
            if (team.Members is null || team.Members.Count is < 1 or > 10 || team.Members.Any(m => string.IsNullOrWhiteSpace(m) || m.Length > 50))
            {
                yield return new FieldError($"{field}.teams[{i}].members", "1 to 10 names, each 1-50 characters");
            }
            else if (team.Members.Select(m => m.Trim()).Distinct().Count() != team.Members.Count)
            {
                // The host console and the screen tell members apart by name only (必答 by member).
                yield return new FieldError($"{field}.teams[{i}].members", "names within a team must differ");
            }
            // The later of two same-named teams is the one to rename; its own field is named so a form can mark it.
            if (!string.IsNullOrWhiteSpace(team.Name) && !firstNamed.TryAdd(team.Name.Trim(), i))
            {
                yield return new FieldError($"{field}.teams[{i}].name", $"same name as team {firstNamed[team.Name.Trim()] + 1}; team names must differ");
            }
        }
        if (BaseScore is < 0 or > 100_000)
        {
            yield return new FieldError($"{field}.baseScore", "must be between 0 and 100000");
        }
        if (BuzzSettleMs is < 50 or > 3000)
        {
            yield return new FieldError($"{field}.buzzSettleMs", "must be between 50 and 3000 ms");
        }
        if (Segments is null || Segments.Count != rounds)
        {
            yield return new FieldError($"{field}.segments", $"give one segment (or null) per round: {rounds}");
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
