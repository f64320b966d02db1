namespace Quiz.Server.Hosting;

/// <summary>
/// Waits until the server listens. Work that writes to the store at start (the first admin, the shipped banks) waits
/// for it, so a start that fails (the address is taken) has created and loaded nothing.
/// </summary>
internal static class ServerStarted
{
    public static Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken ct)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}
