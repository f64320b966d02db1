namespace Quiz.Core.Stage;

/// <summary>The stage state of a contest, beside its room.</summary>
public interface IStageStore
{
    /// <summary>The stored state; null before the first change (the stage then stands at its initial state).</summary>
    Task<StageState?> GetAsync(string contestId, CancellationToken cancellationToken);

    /// <summary>Saves the state only if its stored version is still <paramref name="expectedVersion"/>, and logs the change.</summary>
    Task<bool> TrySaveAsync(string contestId, StageState state, long expectedVersion, string logEntry, CancellationToken cancellationToken);
}
