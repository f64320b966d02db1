using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Stage;

/// <summary>
/// The stage's rules of motion. Pure, like <see cref="RoomMachine"/>: the caller supplies the room's question and the
/// clock, and stores the result only if nobody changed the stage in between (see <see cref="StageState.Version"/>).
/// The stage follows the room: on the first move for a new question it enters that question (turn, buzzer, order).
/// </summary>
public static partial class StageMachine
{
    public static StageStep Apply(StageState state, StageMove move, ContestDefinition contest, int roomSeq, long nowMs)
    {
        var setup = contest.Stage ?? throw new DomainException("no_stage", "This contest has no stage teams.");
        var entered = false;
        if (roomSeq > state.Seq) // questions only go forward; a node that has not heard of the newest yet never drags the stage back
        {
            state = Enter(state, setup, contest, roomSeq, nowMs);
            entered = true;
        }
        var segment = state.Round >= 0 ? setup.Segments[state.Round] : null;
        var step = move.Kind switch
        {
            StageMoves.Enter => entered ? new StageStep(state, "entered") : new StageStep(state, "already") { Unchanged = true },
            StageMoves.Arm => Arm(state, segment, nowMs),
            StageMoves.Decide => Decide(state, setup, nowMs),
            StageMoves.Expire => Expire(state, setup, nowMs),
            StageMoves.Judge => Judge(state, segment, setup, move, nowMs),
            StageMoves.Wager => Wager(state, segment, move),
            StageMoves.Correct => Correct(state, move, nowMs),
            BuzzMove => Buzz(state, segment, setup, move),
            _ => throw new DomainException("unknown_move", $"'{move.Kind}' is not a stage move; use one of arm, judge, wager, correct, decide, expire."),
        };
        if (step.Unchanged && !entered)
        {
            return step;
        }
        return step with { State = step.State with { Version = step.State.Version + 1 }, Unchanged = false };
    }

    /// <summary>A team's buzz: not a host move, so not in <see cref="StageMoves"/>.</summary>
    public const string BuzzMove = "buzz";

    /// <summary>Ranks by score, equal scores sharing a rank (1, 2, 2, 4).</summary>
    public static int RankOf(StageState state, int team) => 1 + state.Teams.Count(t => t.Score > state.Teams[team].Score);

    /// <summary>Teams by standing: highest (or lowest) score first, equal scores in team order.</summary>
    public static IReadOnlyList<int> ByStanding(StageState state, WagerOrder order = WagerOrder.HighestFirst) =>
        [.. Enumerable.Range(0, state.Teams.Count).OrderBy(i => order == WagerOrder.LowestFirst ? state.Teams[i].Score : -state.Teams[i].Score).ThenBy(i => i)];

    private static StageState Enter(StageState state, StageSetup setup, ContestDefinition contest, int seq, long nowMs)
    {
        var round = contest.Questions[seq].Round;
        var segment = setup.Segments[round];
        var newSegment = round != state.Round;
        var teams = newSegment ? [.. state.Teams.Select(t => t with { Strikes = 0, Out = false })] : state.Teams;
        state = state with
        {
            Seq = seq,
            Round = round,
            Teams = teams,
            Phase = StagePhases.Idle,
            Turn = null,
            Member = null,
            ArmedAtMs = 0,
            WindowEndsAtMs = 0,
            DecideAtMs = 0,
            Buzzes = [],
            Tried = [],
            EarlyTeams = [],
            Rebounded = false,
            Wager = null,
            Order = newSegment ? [] : state.Order,
            Cursor = newSegment ? -1 : state.Cursor,
            TurnEndsAtMs = newSegment ? 0 : state.TurnEndsAtMs,
            Winner = newSegment ? null : state.Winner,
        };
        if (segment is null)
        {
            return state;
        }
        var n = state.Teams.Count;
        var q = seq - contest.Questions.First(x => x.Round == round).Seq; // the question's place in its round
        switch (segment.Kind)
        {
            case SegmentKind.Required:
                var team = q % n;
                int? member = segment.Rotation == Rotation.Member ? q / n % setup.Teams[team].Members.Count : null;
                return state with { Phase = StagePhases.Answering, Turn = team, Member = member };
            case SegmentKind.Buzz:
                return state with { Phase = StagePhases.Ready };
            case SegmentKind.Wager:
                var order = newSegment ? ByStanding(state, segment.WagerOrder) : state.Order; // fixed when the round begins
                return state with { Order = order, Phase = StagePhases.Wagering, Turn = order[q % order.Count] };
            case SegmentKind.Elimination:
                var alive = Enumerable.Range(0, n).Where(i => !state.Teams[i].Out).ToList();
                if (state.Winner is not null || alive.Count <= 1)
                {
                    return state;
                }
                var next = alive.FirstOrDefault(i => i > state.Cursor, alive[0]);
                return state with { Phase = StagePhases.Answering, Turn = next, Cursor = next };
            case SegmentKind.Rapid:
                var rapidTeam = q / segment.QuestionsPerTeam % n;
                var endsAt = q % segment.QuestionsPerTeam == 0 ? nowMs + (segment.TeamSeconds * 1000L) : state.TurnEndsAtMs;
                return state with
                {
                    Turn = rapidTeam,
                    TurnEndsAtMs = endsAt,
                    Phase = nowMs > endsAt ? StagePhases.Audience : StagePhases.Answering,
                };
            default: // tie-break: sudden death among the teams tied at the top when it begins
                var contenders = newSegment ? TiedLeaders(state) : state.Order;
                return state.Winner is null && contenders.Count >= 2
                    ? state with { Order = contenders, Phase = StagePhases.Ready }
                    : state with { Order = contenders };
        }
    }

    private static List<int> TiedLeaders(StageState state)
    {
        var top = state.Teams.Max(t => t.Score);
        var tied = Enumerable.Range(0, state.Teams.Count).Where(i => state.Teams[i].Score == top).ToList();
        return tied.Count >= 2 ? tied : [];
    }

    private static StageState AddScore(StageState state, int team, int delta) =>
        state with { Teams = [.. state.Teams.Select((t, i) => i == team ? t with { Score = t.Score + delta } : t)] };

    private static DomainException Refuse(string move, string why) => new("invalid_stage_move", $"Cannot {move}: {why}.");
}
