using Mediator;
using Quiz.Contracts;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>
/// Starts the person's one attempt, or resumes it: the paper is drawn from the seed of (round, person) and stored
/// only if no attempt exists, so concurrent starts get the same single attempt. After the attempt ended a start is
/// refused. <see cref="DeviceId"/> is the page's random id, kept for the integrity report.
/// </summary>
public sealed record StartAttempt(string ContestId, string Token, string? DeviceId) : ICommand<AttemptView>;

public sealed class StartAttemptHandler(RoundAccess access, IAttemptStore attempts, AttemptViewer viewer, TimeProvider clock)
    : ICommandHandler<StartAttempt, AttemptView>
{
    public async ValueTask<AttemptView> Handle(StartAttempt command, CancellationToken cancellationToken)
    {
        var (setup, who) = await access.AuthenticateAsync(command.ContestId, command.Token, cancellationToken);
        var attempt = await attempts.GetAsync(command.ContestId, who.Id, cancellationToken);
        if (attempt is null)
        {
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (now < setup.Round.OpensAtMs)
            {
                throw new DomainException("round_not_open", "This round has not opened yet.");
            }
            if (now >= setup.Round.ClosesAtMs)
            {
                throw new DomainException("round_closed", "This round has closed.");
            }
            var paper = RoundPapers.Draw(setup, who.Id);
            attempt = await attempts.StartAsync(command.ContestId,
                new Attempt(who.Id, paper.Seed, now, setup.Round.DeadlineFor(now), paper.Items), cancellationToken);
        }
        else if (await attempts.GetResultAsync(command.ContestId, who.Id, cancellationToken) is not null)
        {
            throw new DomainException("attempt_used", "You have taken this round already; each person takes it once.");
        }
        await DeviceLog.RecordAsync(attempts, command.ContestId, command.DeviceId, who.Id, cancellationToken);
        return await viewer.ViewAsync(setup, who, attempt, cancellationToken);
    }
}
