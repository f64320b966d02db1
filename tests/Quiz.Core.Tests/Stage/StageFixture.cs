using Quiz.Contracts;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Tests.Stage;

/// <summary>A contest of stage rounds with a few questions each, and a stage driven through the machine move by move.</summary>
internal sealed class StageFixture(params (StageSegment? Segment, int Questions)[] rounds)
{
    private static readonly Question Q = new() { Id = "q", BankId = "b", Type = QuestionType.Single, Stem = "s", Options = ["a", "b"], Answer = AnswerKey.Choice(0) };

    public ContestDefinition Contest { get; } = new()
    {
        Id = "c",
        Title = "t",
        HostKeyHash = "",
        Rounds = [.. rounds.Select(r => new ContestRound("r", new RoundRules()))],
        Questions = [.. rounds.SelectMany((r, i) => Enumerable.Repeat(i, r.Questions)).Select((r, i) => new ContestQuestion(i, r, Q, [0, 1], "salt"))],
        Stage = new StageSetup
        {
            Teams = [.. Enumerable.Range(0, 4).Select(i => new StageTeam($"T{i}", [$"m{i}a", $"m{i}b", $"m{i}c"]))],
            BaseScore = 100,
            Segments = [.. rounds.Select(r => r.Segment)],
            BuzzSettleMs = 300,
        },
    };

    public StageState State { get; set; } = null!;

    public long Now { get; set; } = 1_000_000;

    public static StageFixture Of(params (StageSegment? Segment, int Questions)[] rounds)
    {
        var fixture = new StageFixture(rounds);
        fixture.State = StageState.Initial(fixture.Contest.Stage!);
        return fixture;
    }

    public StageStep Move(int seq, StageMove move)
    {
        var step = StageMachine.Apply(State, move, Contest, seq, Now);
        State = step.State;
        return step;
    }

    public StageStep Enter(int seq) => Move(seq, new StageMove(StageMoves.Enter));

    public StageStep Arm(int seq) => Move(seq, new StageMove(StageMoves.Arm));

    public StageStep Judge(int seq, bool right) => Move(seq, new StageMove(StageMoves.Judge, Correct: right));

    /// <summary>A buzz stamped <paramref name="afterArmUs"/> after the buzzer opened (negative: before).</summary>
    public StageStep Buzz(int seq, int team, long afterArmUs) =>
        Move(seq, new StageMove(StageMachine.BuzzMove, Team: team, AtUs: (State.ArmedAtMs * 1000) + afterArmUs));

    public int[] Scores => [.. State.Teams.Select(t => t.Score)];
}
