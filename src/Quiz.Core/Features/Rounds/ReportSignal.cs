using Mediator;
using Quiz.Core.Common;
using Quiz.Core.Rounds;

namespace Quiz.Core.Features.Rounds;

/// <summary>The page saw the person leave it (blur: focus lost; hidden: tab switched or screen off). Counted, never judged.</summary>
public sealed record ReportSignal(string ContestId, string Token, string Kind) : ICommand<Unit>, IValidated
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { "blur", "hidden" };

    public IEnumerable<FieldError> Validate()
    {
        if (Kind is null || !Kinds.Contains(Kind))
        {
            yield return new FieldError("kind", "is blur or hidden");
        }
    }
}

public sealed class ReportSignalHandler(RoundAccess access, IAttemptStore attempts) : ICommandHandler<ReportSignal, Unit>
{
    public async ValueTask<Unit> Handle(ReportSignal command, CancellationToken cancellationToken)
    {
        var (_, who) = await access.AuthenticateAsync(command.ContestId, command.Token, cancellationToken);
        // Only while an attempt is open: leaving the page before the start or after the end means nothing.
        if (await attempts.GetAsync(command.ContestId, who.Id, cancellationToken) is not null
            && await attempts.GetResultAsync(command.ContestId, who.Id, cancellationToken) is null)
        {
            await attempts.RecordSignalAsync(command.ContestId, who.Id, command.Kind, cancellationToken);
        }
        return Unit.Value;
    }
}
