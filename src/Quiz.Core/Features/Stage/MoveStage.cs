using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Contests;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>
/// A stage move by the host or a judge (arm, judge, wager, correct; decide and expire also come from the stage timer).
/// A judge may only judge and correct. Refused with a reason when the stage's state does not allow it.
/// </summary>
public sealed record MoveStage(string ContestId, StageRequest Request, string Actor, bool JudgeOnly = false)
    : ICommand<StageView>, IValidated, IAudited
{
    public string AuditTarget => $"contest:{ContestId}";

    public object? AuditInput => new { Request?.Move, Request?.Team, Request?.Value, Request?.Correct, Request?.Reason, By = Actor };

    private static readonly string[] Moves =
        [StageMoves.Arm, StageMoves.Judge, StageMoves.Wager, StageMoves.Correct, StageMoves.Decide, StageMoves.Expire, StageMoves.Enter];

    private static readonly string[] JudgeMoves = [StageMoves.Judge, StageMoves.Correct];

    public IEnumerable<FieldError> Validate()
    {
        if (Request is null || !Moves.Contains(Request.Move))
        {
            yield return new FieldError("move", $"must be one of {string.Join(", ", Moves)}");
            yield break;
        }
        if (JudgeOnly && !JudgeMoves.Contains(Request.Move))
        {
            yield return new FieldError("move", "a judge may only judge answers and correct scores");
        }
        if (Request.Move == StageMoves.Judge && Request.Correct is null)
        {
            yield return new FieldError("correct", "say whether the answer is right (true) or wrong (false)");
        }
        if (Request.Move == StageMoves.Correct)
        {
            if (string.IsNullOrWhiteSpace(Request.Reason))
            {
                yield return new FieldError("reason", "a score correction needs a reason; it is kept in the contest log");
            }
            if (Request.Team is null || Request.Value is null or 0)
            {
                yield return new FieldError("value", "name the team and a non-zero number of points (negative deducts)");
            }
        }
        if (TypedText.Problem(Request.Reason, TextShape.Line, 200) is { } reason)
        {
            yield return FieldError.Of("reason", reason);
        }
    }
}

public sealed class MoveStageHandler(StageUpdater stage, LiveRooms rooms, TimeProvider clock) : ICommandHandler<MoveStage, StageView>
{
    public async ValueTask<StageView> Handle(MoveStage command, CancellationToken cancellationToken)
    {
        var r = command.Request;
        var step = await stage.ApplyAsync(command.ContestId, new StageMove(r.Move, r.Team, r.Value, r.Correct, TypedText.CleanOrNull(r.Reason, TextShape.Line), By: command.Actor), command.Actor, cancellationToken);
        if (step.Before is { } before)
        {
            AuditScope.Record(Scores(before), Scores(step.State) with { Outcome = step.Outcome });
        }
        var contest = await rooms.GetContestAsync(command.ContestId, cancellationToken);
        return StageViews.View(command.ContestId, contest, step.State, clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private static AuditedScores Scores(StageState state) => new(state.Seq, state.Phase, [.. state.Teams.Select(t => t.Score)], null);

    private sealed record AuditedScores(int Seq, string Phase, IReadOnlyList<int> Scores, string? Outcome);
}
