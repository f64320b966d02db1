namespace Quiz.Server.Live;

/// <summary>
/// Whether the store is down, from one ping a second: down after <c>failuresToDown</c> failed pings in a row, up at the
/// first answered one. A failed ping taken while the node itself was starved (its timer woke <c>starvedAfter</c> or
/// more late) is not counted either way: on a saturated machine it says nothing about the store.
/// </summary>
public sealed class StoreVerdict(int failuresToDown, TimeSpan starvedAfter)
{
    public enum Change { None, Down, Up }

    private int _failures;

    public bool Available { get; private set; } = true;

    public Change Observe(bool answered, TimeSpan lag)
    {
        if (answered)
        {
            _failures = 0;
            if (Available)
            {
                return Change.None;
            }
            Available = true;
            return Change.Up;
        }
        if (lag >= starvedAfter)
        {
            return Change.None;
        }
        if (++_failures < failuresToDown || !Available)
        {
            return Change.None;
        }
        Available = false;
        return Change.Down;
    }
}
