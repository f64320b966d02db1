using Quiz.Core.Banks;
using Quiz.Core.Contests;

namespace Quiz.Core.Tests.Contests;

/// <summary>The worked example of docs/protocol.md ("Scoring"), so the document and the code cannot drift apart.</summary>
public sealed class ProtocolExampleTests
{
    [Fact]
    public void The_documented_example_scores_as_the_document_says()
    {
        var rules = new RoundRules
        {
            TimeLimitSeconds = 20, Points = 100, SpeedWeighted = true, StreakBonus = 10, StreakCap = 3, WrongPenalty = 20,
            PartialCredit = PartialCredit.Proportional,
        };
        Question Make(QuestionType type, int options, AnswerKey key) =>
            new() { Id = type.ToString(), BankId = "b", Type = type, Stem = "s", Options = [.. Enumerable.Range(0, options).Select(i => $"o{i}")], Answer = key };
        var contest = new ContestDefinition
        {
            Id = "c",
            Title = "t",
            HostKeyHash = "",
            Rounds = [new ContestRound("r", rules)],
            Questions =
            [
                new(0, 0, Make(QuestionType.Single, 4, AnswerKey.Choice(2)), [], ""),
                new(1, 0, Make(QuestionType.Multiple, 4, AnswerKey.Choice(0, 1, 3)), [], ""),
                new(2, 0, Make(QuestionType.TrueFalse, 2, AnswerKey.Choice(1)), [], ""),
                new(3, 0, Make(QuestionType.Ordering, 4, AnswerKey.Choice(1, 2, 0, 3)), [], ""),
                new(4, 0, Make(QuestionType.Single, 4, AnswerKey.Choice(2)), [], ""),
            ],
        };
        const long Open = 1_000_000;
        var score = Scoring.Replay(contest,
        [
            new AnswerFact(0, Response.Choice(2), Open + 5_670, Open),
            new AnswerFact(1, Response.Choice(0, 3), Open + 12_000, Open),
            new AnswerFact(2, Response.Choice(1), Open + 2_000, Open),
            new AnswerFact(3, Response.Choice(1, 2, 0, 3), Open + 20_203, Open),
            new AnswerFact(4, Response.Choice(0), Open + 3_000, Open),
        ]);
        Assert.Equal([85.83, 46.67, 95.00, 60.00, -20.00], score.Answers.Select(a => a.Score.Points));
        Assert.Equal([1, 0, 1, 2, 0], score.Answers.Select(a => a.Score.Streak));
        Assert.Equal((267.50, 42_670L), (score.Points, score.TimeMs));
    }
}
