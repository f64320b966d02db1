namespace Quiz.Core.Assessment;

/// <summary>
/// The organizer's population of each district aged 18-69, as one-way margins: per district, per dimension (age,
/// sex, education), the number of people in each code. Weights are raked to these (<see cref="Raking"/>).
/// </summary>
public sealed record PopulationMargins(IReadOnlyDictionary<string, DistrictMargins> Districts, long LoadedAtMs)
{
    public DistrictMargins? For(string district) => Districts.GetValueOrDefault(district);
}

/// <summary>One district's margins: dimension to code to population.</summary>
public sealed record DistrictMargins(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByDimension)
{
    /// <summary>The district's population: the sex margin's total (the validation keeps the three totals within 1%).</summary>
    public double Population => ByDimension[ProfileCodes.Sex].Values.Sum();

    public double Of(string dimension, string code) => ByDimension.GetValueOrDefault(dimension)?.GetValueOrDefault(code) ?? 0;
}
