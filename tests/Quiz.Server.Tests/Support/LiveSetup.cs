using Quiz.Contracts;
using Quiz.Core.Features.Contests;

namespace Quiz.Server.Tests.Support;

/// <summary>What <see cref="LiveGame.StartAsync"/> sets up; disposing it disconnects the host and stops the server.</summary>
public sealed record LiveSetup(QuizServer Server, ContestCreated Contest, LiveClient Host, HostSession Session) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}
