namespace Quiz.Core.Contests;

/// <summary>
/// Told when this node first loads a contest's room from the store. A node that started (or restarted) while a
/// question was open never heard it open, yet must still see it closed on time if the node that opened it is gone.
/// </summary>
public interface IRoomFirstSeen
{
    void FirstSeen(string contestId, Room room);
}
