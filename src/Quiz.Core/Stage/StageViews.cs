using Quiz.Contracts;
using Quiz.Core.Contests;

namespace Quiz.Core.Stage;

/// <summary>The only place the stage becomes a payload. It holds no answer key: nothing of the question but its number.</summary>
public static class StageViews
{
    public static StageView View(string contestId, ContestDefinition contest, StageState state, long nowMs)
    {
        var setup = contest.Stage!;
        var segment = state.Round >= 0 ? setup.Segments[state.Round] : null;
        var teams = state.Teams.Select((t, i) => new StageTeamView(i, t.Name, setup.Teams[i].Members, t.Score, StageMachine.RankOf(state, i), t.EarlyBuzzes, t.Out));
        string? member = state is { Turn: { } turn, Member: { } m } ? setup.Teams[turn].Members[m] : null;
        return new StageView(contestId, state.Version, state.Seq, state.Round, segment?.Kind.ToString().ToLowerInvariant(), state.Phase, state.Turn, member,
            [.. teams], [.. StageMachine.InOrder(state).Select(b => new BuzzView(b.Team, b.AtUs))], state.Wager,
            segment?.Kind == SegmentKind.Wager ? segment.WagerValues : [], state.Order, state.Winner,
            state.ArmedAtMs, state.WindowEndsAtMs, state.TurnEndsAtMs, nowMs, state.DecideAtMs, state.Corrections);
    }
}
