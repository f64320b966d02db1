namespace Quiz.Core.Assessment;

/// <summary>A share with its 95% Wilson score interval, computed on <see cref="N"/> (a count, or an effective sample size).</summary>
public sealed record ShareInterval(double Share, double Low, double High, double N)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>
    /// The Wilson score interval for a share <paramref name="p"/> observed on <paramref name="n"/> (need not be whole:
    /// a weighted share uses the Kish effective sample size). Unlike p ± z·se it stays inside [0, 1] and is not
    /// zero-width at 0 or 1.
    /// </summary>
    public static ShareInterval Wilson(double p, double n, double z = Z95)
    {
        if (n <= 0 || double.IsNaN(p))
        {
            throw new ArgumentOutOfRangeException(nameof(n), "a share needs at least one respondent");
        }
        p = Math.Clamp(p, 0, 1);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new ShareInterval(p, Math.Max(0, centre - half), Math.Min(1, centre + half), n);
    }

    public static ShareInterval Wilson(int successes, int n) => Wilson(n > 0 ? (double)successes / n : double.NaN, n);
}
