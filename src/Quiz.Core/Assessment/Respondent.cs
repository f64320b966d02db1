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
public sealed record RespondentProfile(string? AgeBand, string? Sex, string? Education, string? District, long ConsentedAtMs, string? Residence = null)
{
    /// <summary>Outside 18-69: not counted in the indicator at all.</summary>
    public bool OutsideAgeRange => AgeBand is not null && ProfileCodes.ExcludedAgeBands.Contains(AgeBand);

    /// <summary>The code this respondent gave for a weighting dimension, or null.</summary>
    public string? CodeOf(string dimension) => dimension switch
    {
        ProfileCodes.Age => OutsideAgeRange ? null : AgeBand,
        ProfileCodes.Sex => Sex,
        ProfileCodes.Education => Education,
        ProfileCodes.Residence => Residence,
        _ => null,
    };

    /// <summary>Every dimension a district's margins give is known: the respondent can carry a weight there.</summary>
    public bool WeightableFor(IEnumerable<string> dimensions) => dimensions.All(d => CodeOf(d) is not null);
}
