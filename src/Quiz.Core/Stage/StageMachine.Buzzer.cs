using Quiz.Contracts;

namespace Quiz.Core.Stage;

/// <summary>
/// The buzzer. Buzzes are stamped by the server that receives them (never by the client) and may reach the store out
/// of stamp order when they come through different nodes; so the first valid buzz only starts a settle window, and
/// the decision takes the smallest stamp of all buzzes stored by then. Equal stamps go to the team that comes first
/// in a rotation that starts at a different team on every question (deterministic, and no team always wins ties).
/// </summary>
public static partial class StageMachine
{
    private static StageStep Arm(StageState state, StageSegment? segment, long nowMs)
    {
        if (segment is not { Buzzes: true } || state.Phase != StagePhases.Ready)
        {
            throw Refuse(StageMoves.Arm, state.Phase == StagePhases.Armed ? "the buzzer is already open" : "this question is not a buzz question waiting to open");
        }
        return new StageStep(Open(state, segment, nowMs), "armed");
    }

    private static StageState Open(StageState state, StageSegment segment, long nowMs) => state with
    {
        Phase = StagePhases.Armed,
        ArmedAtMs = nowMs,
        WindowEndsAtMs = nowMs + (segment.BuzzWindowSeconds * 1000L),
        DecideAtMs = 0,
        Buzzes = [],
        Turn = null,
    };

    private static StageStep Buzz(StageState state, StageSegment? segment, StageSetup setup, StageMove move)
    {
        var team = move.Team ?? -1;
        if (segment is not { Buzzes: true } || team < 0 || team >= state.Teams.Count || !Eligible(state, segment, team))
        {
            return new StageStep(state, BuzzStatuses.NotEligible) { Unchanged = true };
        }
        var early = state.Phase == StagePhases.Ready
            || (state.Phase == StagePhases.Armed && move.AtUs < state.ArmedAtMs * 1000); // pressed before the opening, stored after it
        if (early)
        {
            if (state.EarlyTeams.Contains(team))
            {
                return new StageStep(state, BuzzStatuses.Early) { Unchanged = true };
            }
            var standing = state.Teams[team];
            var penalties = segment.EarlyBuzzPenalties;
            var penalty = penalties.Count == 0 ? 0 : penalties[Math.Min(standing.EarlyBuzzes, penalties.Count - 1)];
            var teams = state.Teams.Select((t, i) => i == team ? t with { Score = t.Score - penalty, EarlyBuzzes = t.EarlyBuzzes + 1 } : t);
            return new StageStep(state with { Teams = [.. teams], EarlyTeams = [.. state.EarlyTeams, team] }, BuzzStatuses.Early, -penalty);
        }
        if (state.Phase != StagePhases.Armed || move.AtUs > state.WindowEndsAtMs * 1000)
        {
            return new StageStep(state, BuzzStatuses.Late) { Unchanged = true };
        }
        if (state.Buzzes.Any(b => b.Team == team))
        {
            return new StageStep(state, BuzzStatuses.Duplicate) { Unchanged = true };
        }
        var decideAt = state.Buzzes.Count == 0 ? (move.AtUs / 1000) + setup.BuzzSettleMs : state.DecideAtMs;
        return new StageStep(state with { Buzzes = [.. state.Buzzes, new BuzzMark(team, move.AtUs)], DecideAtMs = decideAt }, BuzzStatuses.Accepted);
    }

    /// <summary>In a tie-break only the tied teams play; nobody answers the same question twice.</summary>
    private static bool Eligible(StageState state, StageSegment segment, int team) =>
        !state.Teams[team].Out && !state.Tried.Contains(team) && (segment.Kind != SegmentKind.Tiebreak || state.Order.Contains(team));

    /// <summary>The buzzes in decision order: earliest server stamp first, equal stamps by the question's rotation.</summary>
    public static IReadOnlyList<BuzzMark> InOrder(StageState state) =>
        [.. state.Buzzes.OrderBy(b => b.AtUs).ThenBy(b => Modulo(b.Team - state.Seq, state.Teams.Count))];

    private static int Modulo(int a, int n) => ((a % n) + n) % n;

    private static StageStep Decide(StageState state, StageSetup setup, long nowMs)
    {
        if (state.Phase != StagePhases.Armed || state.Buzzes.Count == 0)
        {
            throw Refuse(StageMoves.Decide, "no buzz is waiting for a decision");
        }
        if (nowMs < state.DecideAtMs)
        {
            throw new Common.DomainException("settling", $"Buzzes are still settling for {state.DecideAtMs - nowMs} ms (up to {setup.BuzzSettleMs} ms after the first).");
        }
        var winner = InOrder(state)[0];
        return new StageStep(state with { Phase = StagePhases.Answering, Turn = winner.Team }, $"buzz-won:{winner.Team}");
    }

    private static StageStep Expire(StageState state, StageSetup setup, long nowMs)
    {
        if (state.Phase == StagePhases.Armed && state.Buzzes.Count > 0)
        {
            return Decide(state, setup, nowMs);
        }
        if (state.Phase != StagePhases.Armed)
        {
            throw Refuse(StageMoves.Expire, "the buzzer is not open");
        }
        if (nowMs < state.WindowEndsAtMs)
        {
            // "Not yet" rather than "no": the timer's delay runs on a monotonic clock and may end a little before
            // the wall clock reaches the window's end; it tries again.
            throw new Common.DomainException("settling", $"The buzzer is still open for {state.WindowEndsAtMs - nowMs} ms.");
        }
        return new StageStep(state with { Phase = StagePhases.Audience }, "to-audience");
    }
}
