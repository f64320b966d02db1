using Mediator;
using Quiz.Contracts;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>The person hands in their attempt. Submitting again answers with the same result (a retried click is harmless).</summary>
public sealed record SubmitAttempt(string ContestId, string Token) : ICommand<AttemptResultView>;

public sealed class SubmitAttemptHandler(RoundAccess access, AttemptFinisher finisher, AttemptViewer viewer, TimeProvider clock)
    : ICommandHandler<SubmitAttempt, AttemptResultView>
{
    public async ValueTask<AttemptResultView> Handle(SubmitAttempt command, CancellationToken cancellationToken)
    {
        var (setup, who) = await access.AuthenticateAsync(command.ContestId, command.Token, cancellationToken);
        var (result, _) = await finisher.FinishAsync(setup, who.Id, cancellationToken);
        return await viewer.ResultAsync(setup, result, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
    }
}
