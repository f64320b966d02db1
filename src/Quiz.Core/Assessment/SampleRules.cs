namespace Quiz.Core.Assessment;

/// <summary>When a district's figure is too thin to show or to trust, by its effective number of respondents.</summary>
public static class SampleRules
{
    /// <summary>Below this the district is not shown (样本不足).</summary>
    public const double Suppress = 100;

    /// <summary>Below this it is shown with a flag (样本偏少): its interval is wide.</summary>
    public const double Flag = 400;

    public static bool Suppressed(double effectiveN) => effectiveN < Suppress;

    public static bool Flagged(double effectiveN) => effectiveN >= Suppress && effectiveN < Flag;

    /// <summary>Kish's effective sample size (Σw)² / Σw²: what weighted data are worth as a simple random sample.</summary>
    public static double KishEffectiveN(IEnumerable<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            sum += w;
            squares += w * w;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }
}
