using Quiz.Contracts;

namespace Quiz.Core.Stage;

/// <summary>Judged answers, stakes and corrections: everything that changes a team's score except an early buzz.</summary>
public static partial class StageMachine
{
    public const int MaxCorrection = 10_000;

    private static StageStep Judge(StageState state, StageSegment? segment, StageSetup setup, StageMove move, long nowMs)
    {
        if (segment is null || state.Phase != StagePhases.Answering || state.Turn is not { } team)
        {
            throw Refuse(StageMoves.Judge, "no team is answering");
        }
        if (move.Correct is not { } right)
        {
            throw Refuse(StageMoves.Judge, "say whether the answer is right or wrong");
        }
        var delta = segment.Kind switch
        {
            SegmentKind.Wager => right ? state.Wager ?? 0 : -(state.Wager ?? 0),
            _ => right ? segment.Points : -segment.WrongDeduction,
        };
        var scored = AddScore(state, team, delta) with { Tried = [.. state.Tried, team] };
        var outcome = $"{(right ? "right" : "wrong")}:{team}";
        switch (segment.Kind)
        {
            case SegmentKind.Buzz when !right && segment.Rebound && !state.Rebounded && Others(scored, segment).Any():
                return new StageStep(Open(scored, segment, nowMs) with { Rebounded = true }, outcome + ":rebound", delta);
            case SegmentKind.Tiebreak when right:
                return new StageStep(scored with { Phase = StagePhases.Done, Winner = team }, outcome + ":winner", delta);
            case SegmentKind.Tiebreak when Others(scored, segment).Any(): // sudden death: the other tied teams may take it
                return new StageStep(Open(scored, segment, nowMs), outcome + ":rebound", delta);
            case SegmentKind.Elimination when !right:
                var strikes = scored.Teams[team].Strikes + 1;
                var outNow = strikes >= segment.Lives;
                scored = scored with { Teams = [.. scored.Teams.Select((t, i) => i == team ? t with { Strikes = strikes, Out = outNow } : t)] };
                var alive = Enumerable.Range(0, scored.Teams.Count).Where(i => !scored.Teams[i].Out).ToList();
                var winner = alive.Count == 1 ? alive[0] : (int?)null;
                return new StageStep(scored with { Phase = StagePhases.Done, Winner = winner }, outcome + (outNow ? ":out" : ""), delta);
            default:
                return new StageStep(scored with { Phase = StagePhases.Done }, outcome, delta);
        }
    }

    /// <summary>Teams that may still take this question after a wrong answer.</summary>
    private static IEnumerable<int> Others(StageState state, StageSegment segment) =>
        Enumerable.Range(0, state.Teams.Count).Where(i => Eligible(state, segment, i));

    private static StageStep Wager(StageState state, StageSegment? segment, StageMove move)
    {
        if (segment?.Kind != SegmentKind.Wager || state.Phase != StagePhases.Wagering || state.Turn is not { } turn)
        {
            throw Refuse(StageMoves.Wager, "no team is choosing a stake");
        }
        if (move.Team is { } team && team != turn)
        {
            throw Refuse(StageMoves.Wager, $"it is {state.Teams[turn].Name}'s turn to choose");
        }
        var value = move.Value ?? -1;
        if (value == 0)
        {
            return new StageStep(state with { Wager = 0, Phase = StagePhases.Done }, $"pass:{turn}");
        }
        if (!segment.WagerValues.Contains(value))
        {
            throw Refuse(StageMoves.Wager, $"the stake must be one of {string.Join(", ", segment.WagerValues)}, or 0 to pass");
        }
        return new StageStep(state with { Wager = value, Phase = StagePhases.Answering }, $"stake:{turn}:{value}");
    }

    /// <summary>A manual correction: any time, with a reason (the contest log keeps it with who and when).</summary>
    private static StageStep Correct(StageState state, StageMove move, long nowMs)
    {
        if (move.Team is not { } team || team < 0 || team >= state.Teams.Count)
        {
            throw Refuse(StageMoves.Correct, "name a team of this stage");
        }
        if (move.Value is not { } delta || delta == 0 || Math.Abs(delta) > MaxCorrection)
        {
            throw Refuse(StageMoves.Correct, $"the correction must be a non-zero number of points up to {MaxCorrection} either way");
        }
        if (string.IsNullOrWhiteSpace(move.Reason))
        {
            throw Refuse(StageMoves.Correct, "a correction needs a reason");
        }
        var correction = new StageCorrection(state.Seq, team, delta, move.Reason.Trim(), move.By, nowMs);
        return new StageStep(AddScore(state, team, delta) with { Corrections = [.. state.Corrections, correction] }, $"corrected:{team}:{delta}", delta);
    }
}
