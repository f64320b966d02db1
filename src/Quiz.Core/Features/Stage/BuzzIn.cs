using Mediator;
using Quiz.Contracts;
using Quiz.Core.Stage;

namespace Quiz.Core.Features.Stage;

/// <summary>
/// A team's buzz, stamped by the hub on arrival (<see cref="AtUs"/>: microseconds on the receiving node's clock; the
/// client's clock is never asked). Early, accepted, late or not eligible; the contest log keeps each one that counts.
/// </summary>
public sealed record BuzzIn(string ContestId, int Team, long AtUs) : ICommand<BuzzAck>;

public sealed class BuzzInHandler(StageUpdater stage) : ICommandHandler<BuzzIn, BuzzAck>
{
    public async ValueTask<BuzzAck> Handle(BuzzIn command, CancellationToken cancellationToken)
    {
        var step = await stage.ApplyAsync(command.ContestId, new StageMove(StageMachine.BuzzMove, command.Team, AtUs: command.AtUs),
            $"seat:{command.Team}", cancellationToken);
        return new BuzzAck(step.Outcome, command.AtUs, Math.Max(0, -step.Delta));
    }
}
