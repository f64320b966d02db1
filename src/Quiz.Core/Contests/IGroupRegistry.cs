namespace Quiz.Core.Contests;

/// <summary>What the store answers for a group name a contest's own lists do not hold.</summary>
public enum GroupOutcome
{
    /// <summary>Declared by the roster, or admitted as free text earlier: the name stands.</summary>
    Known,

    /// <summary>New free text, admitted now (under the contest's cap for its kind).</summary>
    Admitted,

    /// <summary>Not a choice of this contest, and free text is off for its kind.</summary>
    NotListed,

    /// <summary>Free text is on, but the contest has admitted as many names of this kind as it takes.</summary>
    Full,
}

/// <summary>The group names a contest learned after it was created: its roster's units and districts, and admitted free text.</summary>
public interface IGroupRegistry
{
    /// <summary>Names the organizer's roster brings (its units and districts): choices from now on, never capped.</summary>
    Task DeclareAsync(string contestId, GroupKind kind, IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> DeclaredAsync(string contestId, GroupKind kind, CancellationToken cancellationToken);

    /// <summary>
    /// One outcome per name, decided together in one step: new free text is admitted only if every name of the request
    /// stands, so a refused join leaves no name behind.
    /// </summary>
    Task<IReadOnlyList<GroupOutcome>> AdmitAsync(string contestId, IReadOnlyList<(GroupKind Kind, string Name, bool Free)> names, int cap,
        CancellationToken cancellationToken);
}
