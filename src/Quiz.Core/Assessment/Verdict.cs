namespace Quiz.Core.Assessment;

/// <summary>A district's share against its target: above or below only when the interval excludes the target.</summary>
public static class Verdict
{
    public const string Above = "above";
    public const string Below = "below";

    /// <summary>无法判断: the interval holds the target (or touches it), so the data cannot tell.</summary>
    public const string CannotTell = "cannot_tell";

    public static string Of(ShareInterval interval, double target) =>
        interval.Low > target ? Above : interval.High < target ? Below : CannotTell;

    public static string Chinese(string verdict) => verdict switch
    {
        Above => "高于目标",
        Below => "低于目标",
        _ => "无法判断",
    };
}
