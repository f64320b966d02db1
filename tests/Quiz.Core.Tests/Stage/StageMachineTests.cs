using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Stage;

namespace Quiz.Core.Tests.Stage;

public sealed class StageMachineTests
{
    private static readonly StageSegment Required = new() { Kind = SegmentKind.Required, Points = 10 };
    private static readonly StageSegment Buzz = new() { Kind = SegmentKind.Buzz, Points = 20, WrongDeduction = 10, EarlyBuzzPenalties = [10, 20] };

    [Fact]
    public void Required_questions_rotate_through_the_teams_and_a_wrong_answer_costs_nothing_by_default()
    {
        var f = StageFixture.Of((Required, 6));
        var turns = new List<int?>();
        for (var seq = 0; seq < 6; seq++)
        {
            f.Enter(seq);
            turns.Add(f.State.Turn);
            Assert.Equal(StagePhases.Answering, f.State.Phase);
            f.Judge(seq, right: seq % 2 == 0);
        }
        Assert.Equal([0, 1, 2, 3, 0, 1], turns);
        Assert.Equal([120, 100, 110, 100], f.Scores);
    }

    [Fact]
    public void Required_by_member_goes_round_the_teams_then_to_each_teams_next_member()
    {
        var f = StageFixture.Of((Required with { Rotation = Rotation.Member }, 12));
        var seats = new List<(int?, int?)>();
        for (var seq = 0; seq < 12; seq++)
        {
            f.Enter(seq);
            seats.Add((f.State.Turn, f.State.Member));
        }
        Assert.Equal((0, 0), seats[0]);
        Assert.Equal((3, 0), seats[3]);
        Assert.Equal((0, 1), seats[4]);
        Assert.Equal((3, 2), seats[11]);
    }

    [Fact]
    public void Judging_needs_a_team_answering_and_a_verdict()
    {
        var f = StageFixture.Of((Buzz, 2));
        f.Enter(0);
        var ex = Assert.Throws<DomainException>(() => f.Judge(0, true));
        Assert.Equal("invalid_stage_move", ex.Code);
        var g = StageFixture.Of((Required, 2));
        Assert.Throws<DomainException>(() => g.Move(0, new StageMove(StageMoves.Judge)));
        g.Judge(0, true);
        Assert.Throws<DomainException>(() => g.Judge(0, true)); // judged once only
    }

    [Fact]
    public void A_buzz_before_the_buzzer_opens_costs_the_penalty_and_a_second_violation_costs_more()
    {
        var f = StageFixture.Of((Buzz, 3));
        f.Enter(0);
        var first = f.Buzz(0, team: 2, afterArmUs: 0);
        Assert.Equal((BuzzStatuses.Early, -10), (first.Outcome, first.Delta));
        var again = f.Buzz(0, team: 2, afterArmUs: 0); // pressed twice while reading: one penalty per question
        Assert.True(again.Unchanged);
        f.Enter(1);
        var second = f.Buzz(1, team: 2, afterArmUs: 0);
        Assert.Equal(-20, second.Delta);
        f.Enter(2);
        Assert.Equal(-20, f.Buzz(2, team: 2, afterArmUs: 0).Delta); // the last penalty repeats
        Assert.Equal([100, 100, 50, 100], f.Scores);
        Assert.Equal(3, f.State.Teams[2].EarlyBuzzes);
    }

    [Fact]
    public void A_buzz_stamped_before_the_opening_is_early_even_if_it_reaches_the_store_after_it()
    {
        var f = StageFixture.Of((Buzz, 1));
        f.Enter(0);
        f.Arm(0);
        Assert.Equal(BuzzStatuses.Early, f.Buzz(0, 1, afterArmUs: -1).Outcome);
        Assert.Equal(90, f.State.Teams[1].Score);
        Assert.Empty(f.State.Buzzes);
    }

    [Fact]
    public void The_earliest_server_stamp_wins_whatever_order_the_buzzes_are_stored_in()
    {
        var f = StageFixture.Of((Buzz, 1));
        f.Enter(0);
        f.Arm(0);
        Assert.Equal(BuzzStatuses.Accepted, f.Buzz(0, 3, afterArmUs: 5_000).Outcome);
        f.Buzz(0, 1, afterArmUs: 4_200); // stamped earlier on another node, stored later
        f.Buzz(0, 2, afterArmUs: 9_000);
        Assert.Equal(BuzzStatuses.Duplicate, f.Buzz(0, 1, afterArmUs: 3_000).Outcome);
        Assert.Equal(f.State.ArmedAtMs + 5 + 300, f.State.DecideAtMs);
        f.Now = f.State.DecideAtMs - 1;
        Assert.Equal("settling", Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Decide))).Code);
        f.Now = f.State.DecideAtMs;
        f.Move(0, new StageMove(StageMoves.Decide));
        Assert.Equal((StagePhases.Answering, 1), (f.State.Phase, f.State.Turn));
        Assert.Equal(BuzzStatuses.Late, f.Buzz(0, 0, afterArmUs: 10_000).Outcome);
    }

    [Fact]
    public void Equal_stamps_are_broken_by_a_rotation_that_moves_with_the_question()
    {
        var winners = new List<int?>();
        for (var seq = 0; seq < 4; seq++)
        {
            var f = StageFixture.Of((Buzz, 4));
            f.Enter(seq);
            f.Arm(seq);
            foreach (var team in new[] { 3, 1, 0, 2 })
            {
                f.Buzz(seq, team, afterArmUs: 1_000);
            }
            f.Now += 10_000;
            f.Move(seq, new StageMove(StageMoves.Decide));
            winners.Add(f.State.Turn);
        }
        Assert.Equal([0, 1, 2, 3], winners); // same inputs, a different team favoured on each question: none always wins
    }

    [Fact]
    public void A_wrong_buzz_answer_deducts_and_the_buzzer_reopens_once_for_the_others()
    {
        var f = StageFixture.Of((Buzz, 1));
        f.Enter(0);
        f.Arm(0);
        f.Buzz(0, 0, 100);
        f.Now += 1_000;
        f.Move(0, new StageMove(StageMoves.Decide));
        var wrong = f.Judge(0, right: false);
        Assert.Equal(("wrong:0:rebound", StagePhases.Armed), (wrong.Outcome, f.State.Phase));
        Assert.Equal(BuzzStatuses.NotEligible, f.Buzz(0, 0, 100).Outcome); // no second try
        f.Buzz(0, 2, 100);
        f.Now += 1_000;
        f.Move(0, new StageMove(StageMoves.Decide));
        f.Judge(0, right: false);
        Assert.Equal(StagePhases.Done, f.State.Phase); // one rebound only
        Assert.Equal([90, 100, 90, 100], f.Scores);
    }

    [Fact]
    public void A_rebound_answered_right_scores_for_the_rebounding_team()
    {
        var f = StageFixture.Of((Buzz, 1));
        f.Enter(0);
        f.Arm(0);
        f.Buzz(0, 0, 100);
        f.Now += 1_000;
        f.Move(0, new StageMove(StageMoves.Decide));
        f.Judge(0, false);
        f.Buzz(0, 3, 50);
        f.Now += 1_000;
        f.Move(0, new StageMove(StageMoves.Decide));
        f.Judge(0, true);
        Assert.Equal([90, 100, 100, 120], f.Scores);
    }

    [Fact]
    public void Without_rebound_a_wrong_answer_ends_the_question()
    {
        var f = StageFixture.Of((Buzz with { Rebound = false }, 1));
        f.Enter(0);
        f.Arm(0);
        f.Buzz(0, 0, 100);
        f.Now += 1_000;
        f.Move(0, new StageMove(StageMoves.Decide));
        f.Judge(0, false);
        Assert.Equal(StagePhases.Done, f.State.Phase);
    }

    [Fact]
    public void Nobody_buzzing_within_the_window_sends_the_question_to_the_audience()
    {
        var f = StageFixture.Of((Buzz with { BuzzWindowSeconds = 8 }, 1));
        f.Enter(0);
        f.Arm(0);
        f.Now += 7_999;
        // "Not yet", not "no": a timer that fires a millisecond early (its clock against the wall clock) tries again.
        Assert.Equal("settling", Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Expire))).Code);
        f.Now += 1;
        f.Move(0, new StageMove(StageMoves.Expire));
        Assert.Equal(StagePhases.Audience, f.State.Phase);
        Assert.Equal(BuzzStatuses.Late, f.Buzz(0, 1, 9_000_000).Outcome);
        Assert.Equal([100, 100, 100, 100], f.Scores);
    }

    [Fact]
    public void The_buzzer_opens_only_on_a_buzz_question_and_only_once()
    {
        var f = StageFixture.Of((Required, 1), (Buzz, 1));
        f.Enter(0);
        Assert.Throws<DomainException>(() => f.Arm(0));
        Assert.Equal(BuzzStatuses.NotEligible, f.Buzz(0, 1, 0).Outcome);
        f.Arm(1);
        Assert.Throws<DomainException>(() => f.Arm(1));
    }

    [Fact]
    public void Stage_state_follows_the_room_to_a_new_question_and_clears_the_last_ones_buzzes()
    {
        var f = StageFixture.Of((Buzz, 2));
        f.Enter(0);
        f.Arm(0);
        f.Buzz(0, 1, 10);
        var version = f.State.Version;
        var entered = f.Enter(1);
        Assert.Equal((1, StagePhases.Ready, 0), (f.State.Seq, f.State.Phase, f.State.Buzzes.Count));
        Assert.Equal(version + 1, f.State.Version);
        Assert.True(f.Enter(1).Unchanged);
        Assert.Equal("entered", entered.Outcome);
    }

    [Fact]
    public void Corrections_need_a_team_a_non_zero_amount_and_a_reason()
    {
        var f = StageFixture.Of((Required, 1));
        Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: 5)));
        Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: 0, Reason: "r")));
        Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Correct, Team: 9, Value: 5, Reason: "r")));
        Assert.Throws<DomainException>(() => f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: 20_000, Reason: "r")));
        var step = f.Move(0, new StageMove(StageMoves.Correct, Team: 1, Value: -15, Reason: "评委复核：第3题答案不完整"));
        Assert.Equal(("corrected:1:-15", 85), (step.Outcome, f.State.Teams[1].Score));
    }

    [Fact]
    public void A_contest_without_a_stage_refuses_stage_moves()
    {
        var f = StageFixture.Of((Required, 1));
        var plain = f.Contest with { Stage = null };
        Assert.Equal("no_stage", Assert.Throws<DomainException>(() => StageMachine.Apply(f.State, new StageMove(StageMoves.Arm), plain, 0, 0)).Code);
        Assert.Equal("unknown_move", Assert.Throws<DomainException>(() => f.Move(0, new StageMove("dance"))).Code);
    }
}
