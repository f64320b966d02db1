namespace Quiz.Core.Banks;

/// <summary>
/// How much of a question a response earns: <see cref="Earned"/> of <see cref="Of"/> parts (a multiple choice with
/// two of three right options: 2 of 3). Kept as a fraction so points can be computed exactly; correct only when whole.
/// </summary>
public readonly record struct Grade(int Earned, int Of)
{
    public static readonly Grade Wrong = new(0, 1);
    public static readonly Grade Right = new(1, 1);

    public double Credit => Of <= 0 ? 0 : (double)Earned / Of;

    public bool Correct => Of > 0 && Earned >= Of;
}
