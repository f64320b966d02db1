using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Tests.Contests;

public sealed class RoomMachineTests
{
    private const long Lead = 500;

    private static ContestDefinition Contest(params BoardTiming[] rounds)
    {
        var question = new Question { Id = "q", BankId = "b", Type = QuestionType.Single, Stem = "s", Options = ["a", "b"], Answer = AnswerKey.Choice(0) };
        return new ContestDefinition
        {
            Id = "c",
            Title = "t",
            HostKeyHash = "",
            Rounds = [.. rounds.Select(b => new ContestRound("r", new RoundRules { TimeLimitSeconds = 10, Board = b }))],
            Questions = [.. rounds.SelectMany((_, r) => new[] { r, r }).Select((r, i) => new ContestQuestion(i, r, question, [0, 1], "salt"))],
        };
    }

    [Fact]
    public void Opening_sets_a_common_start_and_the_accept_window()
    {
        var room = RoomMachine.Apply(new Room(), HostMoves.Start, Contest(BoardTiming.AfterEachQuestion), 1_000, Lead);
        Assert.Equal((RoomStatuses.Open, 0, 1_500L, 11_500L, 11_500L + RoomMachine.GraceMs, 1L),
            (room.Status, room.Seq, room.OpensAtMs, room.ClosesAtMs, room.AcceptUntilMs, room.Version));
    }

    [Fact]
    public void Closing_early_still_takes_what_arrived_before_the_close()
    {
        var contest = Contest(BoardTiming.AfterEachQuestion);
        var open = RoomMachine.Apply(new Room(), HostMoves.Start, contest, 0, Lead);
        var closed = RoomMachine.Apply(open, HostMoves.Close, contest, 4_000, Lead);
        Assert.Equal((RoomStatuses.Closed, 4_000L, 4_000L + RoomMachine.GraceMs), (closed.Status, closed.ClosesAtMs, closed.AcceptUntilMs));
        var revealed = RoomMachine.Apply(closed, HostMoves.Reveal, contest, 4_100, Lead);
        Assert.Equal(4_100, revealed.AcceptUntilMs); // nothing received after the key is out counts
    }

    [Fact]
    public void Pause_keeps_the_time_left_and_resume_gives_it_back()
    {
        var contest = Contest(BoardTiming.AfterEachQuestion);
        var open = RoomMachine.Apply(new Room(), HostMoves.Start, contest, 0, Lead);
        var paused = RoomMachine.Apply(open, HostMoves.Pause, contest, 3_500, Lead);
        Assert.Equal((true, 7_000L), (paused.Paused, paused.RemainingMs));
        Assert.False(paused.IsOpen);
        var resumed = RoomMachine.Apply(paused, HostMoves.Resume, contest, 60_000, Lead);
        Assert.Equal((67_000L, 57_000L, false), (resumed.ClosesAtMs, resumed.OpensAtMs, resumed.Paused));
    }

    [Fact]
    public void An_open_question_past_its_time_counts_as_closed()
    {
        var contest = Contest(BoardTiming.AfterEachQuestion);
        var open = RoomMachine.Apply(new Room(), HostMoves.Start, contest, 0, Lead);
        Assert.Equal(RoomStatuses.Closed, RoomMachine.Settle(open, 10_501).Status);
        Assert.Equal(RoomStatuses.Revealed, RoomMachine.Apply(open, HostMoves.Reveal, contest, 12_000, Lead).Status);
        Assert.Equal(1, RoomMachine.Apply(open, HostMoves.Next, contest, 12_000, Lead).Seq);
    }

    [Theory]
    [InlineData(HostMoves.Reveal, "no closed question")]
    [InlineData(HostMoves.Close, "no question is open")]
    [InlineData(HostMoves.Resume, "not paused")]
    [InlineData("jump", "not a host move")]
    public void Invalid_moves_from_the_lobby_say_why(string move, string reason)
    {
        var error = Assert.Throws<DomainException>(() => RoomMachine.Apply(new Room(), move, Contest(BoardTiming.AfterEachQuestion), 0, Lead));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_between_rounds_board_waits_for_the_end_of_the_round()
    {
        var contest = Contest(BoardTiming.BetweenRounds, BoardTiming.BetweenRounds);
        var room = RoomMachine.Apply(new Room(), HostMoves.Start, contest, 0, Lead);
        room = RoomMachine.Apply(room, HostMoves.Close, contest, 1_000, Lead);
        Assert.Contains("between rounds", Assert.Throws<DomainException>(() => RoomMachine.Apply(room, HostMoves.Board, contest, 1_000, Lead)).Message);
        room = RoomMachine.Apply(room, HostMoves.Next, contest, 2_000, Lead);
        room = RoomMachine.Apply(room, HostMoves.Close, contest, 3_000, Lead);
        Assert.Equal(RoomStatuses.Board, RoomMachine.Apply(room, HostMoves.Board, contest, 3_000, Lead).Status);
    }
}
