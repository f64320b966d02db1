namespace Quiz.Contracts;

/// <summary>
/// What a join or registration form offers (GET /api/join/{code}, GET /api/rounds/{id}/choices): the contest's title
/// and its choices of team, unit and district, and where typing a new one is allowed. Public: nothing else of the contest.
/// </summary>
public sealed record JoinChoices(
    string Title,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Districts,
    bool FreeTeams,
    bool FreeUnits,
    bool FreeDistricts);
