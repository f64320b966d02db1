using Mediator;

namespace Quiz.Core.Features.Clock;

/// <summary>The server's clock, which alone decides when questions open and close. Clients estimate their offset from it.</summary>
public sealed record GetServerTime : IQuery<DateTimeOffset>;

public sealed class GetServerTimeHandler(TimeProvider clock) : IQueryHandler<GetServerTime, DateTimeOffset>
{
    public ValueTask<DateTimeOffset> Handle(GetServerTime query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(clock.GetUtcNow());
}
