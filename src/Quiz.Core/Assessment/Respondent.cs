namespace Quiz.Core.Assessment;

/// <summary>
/// A respondent's first attempt, as recorded when it ended: the score on 100 points with its tier, the points per
/// dimension on 100, and the district the participant carried from joining or the roster (the profile may override it).
/// </summary>
public sealed record AssessmentResult(
    string ParticipantId,
    double Score100,
    string Tier,
    IReadOnlyDictionary<string, double> DimensionScores100,
    string? JoinDistrict,
    long SubmittedAtMs,
    bool Automatic);

/// <summary>What a respondent chose to tell, with consent; each field optional, codes from <see cref="ProfileCodes"/>.</summary>
public sealed record RespondentProfile(string? AgeBand, string? Sex, string? Education, string? District, long ConsentedAtMs)
{
    /// <summary>Outside 18-69: not counted in the indicator at all.</summary>
    public bool OutsideAgeRange => AgeBand is not null && ProfileCodes.ExcludedAgeBands.Contains(AgeBand);

    /// <summary>All three weighting cells known and in range: the respondent can carry a weight.</summary>
    public bool Weightable => AgeBand is not null && !OutsideAgeRange && Sex is not null && Education is not null;
}
