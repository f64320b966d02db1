using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>A share and its 95% interval in percent, on <see cref="N"/> respondents (effective, when weighted).</summary>
public sealed record ShareFigure(double Share, double Low, double High, double N)
{
    public static ShareFigure Of(ShareInterval i) => new(i.Share * 100, i.Low * 100, i.High * 100, i.N);
}

/// <summary>
/// How a district's weights were made: the dimensions raked on, the population (the sex total), the sweeps it took
/// and the largest relative margin miss left, the trimming cap (as a weight) and how many weights sit at it, and the
/// effective n before trimming (<see cref="AreaFigure.EffectiveN"/> is after). <see cref="Note"/>: the cap could not be held.
/// </summary>
public sealed record WeightingFigure(
    IReadOnlyList<string> Dimensions,
    double Population,
    int Sweeps,
    double MaxError,
    double TrimCap,
    int Trimmed,
    double EffectiveNUntrimmed,
    Reason? Note);

/// <summary>
/// One district's (or the city's) figures. A suppressed area shows its respondents only: no share, no tiers, no
/// dimension means, no verdict. An area with a <see cref="Status"/> shows that instead of figures (margins no weights
/// can meet, raking that did not converge) or, for the city, instead of a verdict (a weighted figure that does not
/// cover all 13 districts; <see cref="Covers"/> names the ones it does). The verdict uses the weighted interval when
/// margins are loaded, else the raw one. <see cref="DimensionMeans"/>: the mean score on 100 of each dimension
/// (科学知识, ...), unweighted, so an organizer sees which part of literacy a district lacks.
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
    IReadOnlyDictionary<string, double>? DimensionMeans,
    Reason? Status = null,
    WeightingFigure? Weighting = null,
    IReadOnlyList<string>? Covers = null);

/// <summary>
/// The indicator of one assessment: the city and each district against its target, with the caveat (both languages)
/// and the name of the line (达到本平台 70 分线) with the survey it refers to.
/// </summary>
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
    IReadOnlyList<AreaFigure> Districts,
    string LineName = AssessmentDefaults.LineName,
    string LineNameEnglish = AssessmentDefaults.LineNameEnglish);
