using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Stage;

namespace Quiz.Core.Tests.Stage;

public sealed class StageSegmentTests
{
    private static readonly StageSegment Wager = new() { Kind = SegmentKind.Wager, WagerValues = [10, 20, 30] };

    [Fact]
    public void Wagers_go_in_order_of_standing_fixed_when_the_round_begins_and_score_the_stake()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Required }, 1), (Wager, 4));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 2, Value: 30, Reason: "r"));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 3, Value: 10, Reason: "r"));
        f.Enter(1);
        Assert.Equal([2, 3, 0, 1], f.State.Order);
        Assert.Equal((StagePhases.Wagering, 2), (f.State.Phase, f.State.Turn));
        Assert.Throws<DomainException>(() => f.Move(1, new StageMove(StageMoves.Wager, Team: 0, Value: 10))); // not its turn
        Assert.Throws<DomainException>(() => f.Move(1, new StageMove(StageMoves.Wager, Team: 2, Value: 25))); // not a value
        Assert.Throws<DomainException>(() => f.Judge(1, true)); // no stake yet
        f.Move(1, new StageMove(StageMoves.Wager, Team: 2, Value: 30));
        f.Judge(1, false);
        Assert.Equal(100, f.State.Teams[2].Score);
        f.Enter(2); // team 2 fell back; the order stays as it was when the round began
        Assert.Equal(3, f.State.Turn);
        f.Move(2, new StageMove(StageMoves.Wager, Value: 20));
        f.Judge(2, true);
        f.Enter(3);
        f.Move(3, new StageMove(StageMoves.Wager, Value: 0)); // pass
        Assert.Equal(StagePhases.Done, f.State.Phase);
        Assert.Throws<DomainException>(() => f.Judge(3, true));
        Assert.Equal([100, 100, 100, 130], f.Scores);
    }

    [Fact]
    public void Elimination_rotates_among_the_teams_still_in_until_one_stands()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Elimination, Points = 10, Lives = 1 }, 20));
        var turns = new List<int?>();
        var verdicts = new[] { true, false, true, false, true, true, false }; // T1 out, T3 out, then T0 out
        for (var seq = 0; seq < verdicts.Length; seq++)
        {
            f.Enter(seq);
            turns.Add(f.State.Turn);
            f.Judge(seq, verdicts[seq]);
        }
        Assert.Equal([0, 1, 2, 3, 0, 2, 0], turns.Take(7));
        Assert.Equal(2, f.State.Winner);
        f.Enter(7);
        Assert.Equal((StagePhases.Idle, (int?)null), (f.State.Phase, f.State.Turn)); // decided: the audience plays on
        Assert.Equal([true, true, false, true], f.State.Teams.Select(t => t.Out));
    }

    [Fact]
    public void Elimination_with_two_lives_takes_two_wrong_answers()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Elimination, Lives = 2 }, 10));
        f.Enter(0);
        f.Judge(0, false);
        Assert.False(f.State.Teams[0].Out);
        for (var seq = 1; seq <= 4; seq++)
        {
            f.Enter(seq);
            f.Judge(seq, seq != 4);
        }
        Assert.True(f.State.Teams[0].Out);
    }

    [Fact]
    public void Rapid_fire_gives_each_team_a_block_on_its_own_clock()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Rapid, Points = 10, QuestionsPerTeam = 3, TeamSeconds = 30 }, 6));
        f.Enter(0);
        Assert.Equal((0, f.Now + 30_000), (f.State.Turn, f.State.TurnEndsAtMs));
        f.Judge(0, true);
        f.Now += 20_000;
        f.Enter(1);
        f.Judge(1, true);
        f.Now += 11_000; // team 0's clock ran out
        f.Enter(2);
        Assert.Equal(StagePhases.Audience, f.State.Phase);
        Assert.Throws<DomainException>(() => f.Judge(2, true));
        f.Enter(3);
        Assert.Equal((1, StagePhases.Answering), (f.State.Turn, f.State.Phase));
        Assert.Equal([120, 100, 100, 100], f.Scores);
    }

    [Fact]
    public void A_tie_break_is_sudden_death_by_buzz_among_the_tied_leaders_only()
    {
        var tiebreak = new StageSegment { Kind = SegmentKind.Tiebreak, Points = 10, WrongDeduction = 10 };
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Required }, 1), (tiebreak, 3));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: 20, Reason: "r"));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 3, Value: 20, Reason: "r"));
        f.Enter(1);
        Assert.Equal([1, 3], f.State.Order);
        Assert.Equal(StagePhases.Ready, f.State.Phase);
        f.Arm(1);
        Assert.Equal(BuzzStatuses.NotEligible, f.Buzz(1, 0, 10).Outcome);
        f.Buzz(1, 3, 10);
        f.Now += 1_000;
        f.Move(1, new StageMove(StageMoves.Decide));
        Assert.Equal("wrong:3:rebound", f.Judge(1, false).Outcome); // the other tied team may take it
        f.Buzz(1, 1, 10);
        f.Now += 1_000;
        f.Move(1, new StageMove(StageMoves.Decide));
        Assert.Equal("right:1:winner", f.Judge(1, true).Outcome);
        Assert.Equal(1, f.State.Winner);
        f.Enter(2);
        Assert.Equal(StagePhases.Idle, f.State.Phase); // decided: no more sudden death
        Assert.Equal([100, 130, 100, 110], f.Scores);
    }

    [Fact]
    public void Wagers_may_go_lowest_first()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Required }, 1), (Wager with { WagerOrder = WagerOrder.LowestFirst }, 4));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 2, Value: 30, Reason: "r"));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 0, Value: 10, Reason: "r"));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 3, Value: -10, Reason: "r"));
        f.Enter(1);
        Assert.Equal([3, 1, 0, 2], f.State.Order);
        Assert.Equal((StagePhases.Wagering, 3), (f.State.Phase, f.State.Turn));
    }

    [Fact]
    public void A_tie_break_with_no_tie_at_the_top_is_not_played()
    {
        var f = StageFixture.Of((new StageSegment { Kind = SegmentKind.Required }, 1), (new StageSegment { Kind = SegmentKind.Tiebreak }, 1));
        f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: 5, Reason: "r"));
        f.Enter(1);
        Assert.Equal(StagePhases.Idle, f.State.Phase);
        Assert.Throws<DomainException>(() => f.Arm(1));
    }

    [Fact]
    public void An_audience_only_round_leaves_the_stage_idle()
    {
        var f = StageFixture.Of((null, 2));
        f.Enter(0);
        Assert.Equal((StagePhases.Idle, (int?)null), (f.State.Phase, f.State.Turn));
        Assert.Throws<DomainException>(() => f.Judge(0, true));
    }

    [Fact]
    public void Setup_validation_names_each_bad_field()
    {
        var setup = new StageSetup
        {
            Teams = [new StageTeam("A", ["x"]), new StageTeam("A", [])],
            BaseScore = -1,
            BuzzSettleMs = 10,
            Segments = [new StageSegment { WagerValues = [], Lives = 0, BuzzWindowSeconds = 1, EarlyBuzzPenalties = [-5] }, null],
        };
        var fields = setup.Validate("stage", rounds: 2).Select(e => e.Field).ToList();
        Assert.Contains("stage.teams[1].members", fields);
        Assert.Contains("stage.teams[1].name", fields);
        Assert.Contains("stage.baseScore", fields);
        Assert.Contains("stage.buzzSettleMs", fields);
        Assert.Contains("stage.segments[0].wagerValues", fields);
        Assert.Contains("stage.segments[0].lives", fields);
        Assert.Contains("stage.segments[0].buzzWindowSeconds", fields);
        Assert.Contains("stage.segments[0].earlyBuzzPenalties", fields);
        Assert.Contains("stage.segments", setup.Validate("stage", rounds: 3).Select(e => e.Field));
        Assert.Empty(new StageSetup { Teams = [new StageTeam("A", ["x"]), new StageTeam("B", ["y"])], Segments = [null] }.Validate("s", 1));
    }

    [Fact]
    public void Setup_validation_marks_the_later_of_two_same_named_teams_and_repeated_members()
    {
        var setup = new StageSetup
        {
            Teams = [new StageTeam("西湖区代表队", ["张三", "李四"]), new StageTeam("滨江区代表队", ["王五", " 王五"]), new StageTeam(" 西湖区代表队", ["赵六"])],
            Segments = [null],
        };
        var errors = setup.Validate("stage", rounds: 1).ToList();
        Assert.Equal(["stage.teams[1].members", "stage.teams[2].name"], errors.Select(e => e.Field));
        Assert.Contains("team 1", errors[1].Message, StringComparison.Ordinal);
        Assert.Empty(new StageSetup { Teams = [new StageTeam("A", ["张三"]), new StageTeam("B", ["张三"])], Segments = [null] }.Validate("s", 1));
    }

    [Fact]
    public void Every_setup_error_carries_a_code_of_the_stage_table_and_reads_as_its_english()
    {
        var texts = StageReasons.All.ToDictionary(r => r.Code);
        var bad = new StageSetup
        {
            Teams = [new StageTeam("A", ["x", "x"]), new StageTeam(" A", []), new StageTeam(new string('长', 51), ["y"])],
            BaseScore = -1,
            BuzzSettleMs = 10,
            Segments = [new StageSegment { Kind = (SegmentKind)42, Points = -1, WagerValues = [], Lives = 0, BuzzWindowSeconds = 1,
                EarlyBuzzPenalties = [-5], QuestionsPerTeam = 0, WagerOrder = (WagerOrder)7, Rotation = (Rotation)5 }],
        };
        var errors = bad.Validate("stage", rounds: 1).Concat(bad.Validate("stage", rounds: 2))
            .Concat(new StageSetup { Teams = [], Segments = [] }.Validate("stage", 0)).ToList();

        Assert.All(errors, e =>
        {
            Assert.True(e.Code is not null && texts.ContainsKey(e.Code), $"{e.Field}: '{e.Code}' is not in StageReasons");
            Assert.Equal(ReasonText.Render(texts[e.Code!].English, e.Args!), e.Message);
        });
        // Every code in the table can occur (stage.required, a null team, is the one input left out above;
        // stage.blueprintShort and stage.blueprintExcluded come from drawing the rounds, tested in ContestsApiTests).
        Assert.Equal(texts.Keys.Order(), errors.Select(e => e.Code!).Append("stage.required").Append("stage.blueprintShort").Append("stage.blueprintExcluded")
            .Distinct().Order());
        Assert.Equal("与第 1 队同名，各队名称不能相同", ReasonText.Render(StageReasons.SameTeam.Chinese,
            errors.First(e => e.Code == "stage.sameTeam").Args!));
    }
}
