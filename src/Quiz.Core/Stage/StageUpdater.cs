using System.Text.Json;
using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Contests;

namespace Quiz.Core.Stage;

/// <summary>
/// Applies a stage move the way a host move is applied to the room: decide on the stored state, store only if nobody
/// changed it meanwhile (else decide again), log the change with who and when, then publish it. Buzzes of six teams
/// arriving together contend here, so it retries more often than the room does, with a little jitter.
/// </summary>
public sealed class StageUpdater(LiveRooms rooms, IStageStore store, IPublisher publisher, TimeProvider clock)
{
    private const int Attempts = 40;

    public async ValueTask<StageStep> ApplyAsync(string contestId, StageMove move, string actor, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(contestId, cancellationToken);
        var setup = contest.Stage ?? throw new DomainException("no_stage", "This contest has no stage teams.");
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var state = await store.GetAsync(contestId, cancellationToken) ?? StageState.Initial(setup);
            var room = await rooms.RefreshAsync(contestId, cancellationToken); // the stored room: this node may not have heard of a move yet
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            var step = StageMachine.Apply(state, move, contest, room.Seq, now);
            if (step.Unchanged)
            {
                return step;
            }
            var entry = JsonSerializer.Serialize(new
            {
                t = "stage", move = move.Kind, by = actor, at = now, seq = step.State.Seq, team = move.Team, value = move.Value,
                correct = move.Correct, reason = move.Reason, atUs = move.AtUs == 0 ? (long?)null : move.AtUs, outcome = step.Outcome,
                delta = step.Delta, scores = step.State.Teams.Select(t => t.Score),
            });
            if (await store.TrySaveAsync(contestId, step.State, state.Version, entry, cancellationToken))
            {
                await publisher.Publish(new StageMoved(contestId, move, step), cancellationToken);
                return step with { Before = state };
            }
            if (attempt > 1)
            {
                await Task.Delay(Random.Shared.Next(1, 4), cancellationToken);
            }
        }
        throw new DomainException("busy", "The stage was changed by others at the same moment; try again.");
    }

    public async ValueTask<StageState> GetAsync(string contestId, CancellationToken cancellationToken)
    {
        var contest = await rooms.GetContestAsync(contestId, cancellationToken);
        var setup = contest.Stage ?? throw new DomainException("no_stage", "This contest has no stage teams.");
        return await store.GetAsync(contestId, cancellationToken) ?? StageState.Initial(setup);
    }
}
