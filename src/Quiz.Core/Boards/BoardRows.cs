namespace Quiz.Core.Boards;

/// <summary>
/// What a board read brings back from the store, rows only: how many are on the board, the best persons (every
/// person level with the last one included is decided by id, so the rows are the true top), their nicknames, and
/// every group row per dimension. Core ranks and assembles them (<see cref="BoardViews"/>).
/// </summary>
public sealed record BoardRows(
    int Participants,
    IReadOnlyList<PersonRow> Top,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, IReadOnlyList<GroupRow>> Groups)
{
    public static BoardRows Empty(int participants) => new(participants, [], new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<GroupRow>>());
}

/// <summary>Where one person stands: its row, and how many are strictly ahead of it on the whole board.</summary>
public sealed record PersonPlace(PersonRow Row, long Ahead);
