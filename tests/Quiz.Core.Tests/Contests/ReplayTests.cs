using Quiz.Core.Banks;
using Quiz.Core.Contests;

namespace Quiz.Core.Tests.Contests;

/// <summary>Scoring a participant's stored answers in order: the one function every board, standing and audit agrees with.</summary>
public sealed class ReplayTests
{
    private static readonly RoundRules Rules = new() { TimeLimitSeconds = 10, Points = 100, SpeedWeighted = true, StreakBonus = 10, StreakCap = 5, WrongPenalty = 20 };

    private static ContestDefinition Contest(int questions)
    {
        var question = new Question { Id = "q", BankId = "b", Type = QuestionType.Single, Stem = "s", Options = ["a", "b"], Answer = AnswerKey.Choice(0) };
        return new ContestDefinition
        {
            Id = "c",
            Title = "t",
            HostKeyHash = "",
            Rounds = [new ContestRound("r", Rules)],
            Questions = [.. Enumerable.Range(0, questions).Select(i => new ContestQuestion(i, 0, question, [0, 1], "salt"))],
        };
    }

    private static AnswerFact Right(int seq, long elapsed) => new(seq, Response.Choice(0), 1_000 + elapsed, 1_000);

    private static AnswerFact Wrong(int seq) => new(seq, Response.Choice(1), 1_000, 1_000);

    [Fact]
    public void Three_right_answers_in_a_row_earn_the_streak_bonus_on_the_second_and_third()
    {
        var score = Scoring.Replay(Contest(3), [Right(0, 0), Right(1, 0), Right(2, 0)]);
        Assert.Equal([10_000L, 11_000L, 12_000L], score.Answers.Select(a => a.Score.Hundredths));
        Assert.Equal([1, 2, 3], score.Answers.Select(a => a.Score.Streak));
        Assert.Equal(33_000, score.Hundredths);
    }

    [Fact]
    public void A_missing_or_wrong_answer_ends_the_streak_and_the_order_given_does_not_matter()
    {
        var gap = Scoring.Replay(Contest(4), [Right(3, 0), Right(0, 0), Right(1, 0)]);
        Assert.Equal([1, 2, 1], gap.Answers.Select(a => a.Score.Streak));
        var wrong = Scoring.Replay(Contest(3), [Right(0, 0), Wrong(1), Right(2, 0)]);
        Assert.Equal([10_000L, -2_000L, 10_000L], wrong.Answers.Select(a => a.Score.Hundredths));
    }

    [Fact]
    public void Total_time_sums_the_clamped_answer_times()
    {
        var score = Scoring.Replay(Contest(2), [Right(0, 10_203), Right(1, 2_000)]);
        Assert.Equal(12_000, score.TimeMs); // 10,203 ms (in the grace) counts as the 10,000 ms limit
        Assert.Equal(5_000 + 9_000 + 1_000, score.Hundredths);
    }

    [Fact]
    public void Progress_is_stored_as_streak_and_last_right_question_and_read_back()
    {
        var progress = Progress.After(4, Scoring.Score(Rules, Grade.Right, 0, 2));
        Assert.Equal("3:4", progress.ToString());
        Assert.Equal(progress, Progress.Parse("3:4"));
        Assert.Equal(Progress.None, Progress.Parse(null));
        Assert.Equal(Progress.None, Progress.Parse("junk"));
        Assert.Equal(Progress.None.ToString(), Progress.After(5, Scoring.Score(Rules, Grade.Wrong, 0, 3)).ToString());
    }
}
