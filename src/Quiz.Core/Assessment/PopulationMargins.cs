namespace Quiz.Core.Assessment;

/// <summary>
/// The organizer's population of each district aged 18-69, as one-way margins: per district, per dimension (age,
/// sex, education, and optionally residence), the number of people in each code. Weights are raked to these
/// (<see cref="Raking"/>).
/// </summary>
public sealed record PopulationMargins(IReadOnlyDictionary<string, DistrictMargins> Districts, long LoadedAtMs)
{
    public DistrictMargins? For(string district) => Districts.GetValueOrDefault(district);
}

/// <summary>One district's margins: dimension to code to population.</summary>
public sealed record DistrictMargins(IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> ByDimension)
{
    /// <summary>
    /// The district's population: the sex margin's total, always. The file's totals may differ by up to 1% (census
    /// tables round each table on its own); every other dimension is scaled to this total before raking.
    /// </summary>
    public double Population => ByDimension[ProfileCodes.Sex].Values.Sum();

    /// <summary>The dimensions this district's weights are raked on, in raking order.</summary>
    public IReadOnlyList<string> Dimensions => [.. ProfileCodes.AllDimensions.Where(ByDimension.ContainsKey)];

    public double Of(string dimension, string code) => ByDimension.GetValueOrDefault(dimension)?.GetValueOrDefault(code) ?? 0;

    /// <summary>Each dimension's total, for showing how the population was taken.</summary>
    public IReadOnlyDictionary<string, double> Totals => Dimensions.ToDictionary(d => d, d => ByDimension[d].Values.Sum());
}
