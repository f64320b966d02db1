namespace Quiz.Core.Assessment;

/// <summary>A share and its 95% interval in percent, on <see cref="N"/> respondents (effective, when weighted).</summary>
public sealed record ShareFigure(double Share, double Low, double High, double N)
{
    public static ShareFigure Of(ShareInterval i) => new(i.Share * 100, i.Low * 100, i.High * 100, i.N);
}

/// <summary>
/// One district's (or the city's) figures. A suppressed area shows its respondents only: no share, no tiers, no
/// dimension means, no verdict. The verdict uses the weighted interval when margins are loaded, else the raw one.
/// <see cref="DimensionMeans"/>: the mean score on 100 of each dimension (科学知识, ...), unweighted, so an organizer
/// sees which part of literacy a district lacks.
/// </summary>
public sealed record AreaFigure(
    string Area,
    double Target,
    int Respondents,
    int Weightable,
    ShareFigure? Raw,
    ShareFigure? Weighted,
    double EffectiveN,
    bool Suppressed,
    bool Flagged,
    string? Verdict,
    IReadOnlyDictionary<string, int>? Tiers,
    IReadOnlyDictionary<string, double>? DimensionMeans);

/// <summary>The indicator of one assessment: the city and each district against its target, with the caveat.</summary>
public sealed record AssessmentReport(
    string ContestId,
    string Caveat,
    string CaveatEnglish,
    double Line,
    bool MarginsLoaded,
    int Recorded,
    int ExcludedByAge,
    int WithoutDistrict,
    AreaFigure City,
    IReadOnlyList<AreaFigure> Districts);
