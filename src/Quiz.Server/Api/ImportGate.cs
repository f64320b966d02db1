namespace Quiz.Server.Api;

/// <summary>
/// One file import reads at a time on a node: reading a large sheet is seconds of CPU, and a node on two cores must
/// keep one for live play while an organizer (or a stolen organizer login) uploads. A second import meanwhile is
/// told to try again (429 upload.busy) instead of queuing with its upload held in memory. Any tabular import
/// (banks, rosters) takes its turn here.
/// </summary>
public sealed class ImportGate
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>A turn, or null when another import is being read; dispose the turn when done.</summary>
    public IDisposable? TryEnter() => _one.Wait(0) ? new Turn(_one) : null;

    private sealed class Turn(SemaphoreSlim one) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                one.Release();
            }
        }
    }
}
