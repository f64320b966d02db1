namespace Quiz.Core.Assessment;

/// <summary>
/// The four tiers of a 100-point literacy paper, cut-points included: 85 and above 高阶, 70 and above 具备 (the literacy
/// line), 55 and above 基本具备, below 55 较低. Scores are compared as stored, to 0.01 point.
/// </summary>
public static class LiteracyTiers
{
    public const string Advanced = "高阶";
    public const string Literate = "具备";
    public const string Basic = "基本具备";
    public const string Low = "较低";

    /// <summary>A score at or above this counts as scientifically literate in the indicator.</summary>
    public const double Line = 70;

    /// <summary>Highest tier first, with its lowest score.</summary>
    public static readonly IReadOnlyList<(string Tier, double From)> Cuts = [(Advanced, 85), (Literate, Line), (Basic, 55), (Low, double.NegativeInfinity)];

    public static string Of(double score100) => Cuts.First(c => score100 >= c.From).Tier;

    public static bool AtLine(double score100) => score100 >= Line;

    /// <summary>Points on a 100-point scale, kept to 0.01 so a scaled 85 is 85 and not 84.99999999999999.</summary>
    public static double Scale(double score, double maxScore) =>
        maxScore > 0 ? Math.Round(Math.Clamp(score, 0, maxScore) / maxScore * 100, 2, MidpointRounding.AwayFromZero) : 0;
}
