namespace Quiz.Core.Banks;

/// <summary>How much of a question a response earns: <see cref="Credit"/> from 0 to 1; correct only when it is 1.</summary>
public readonly record struct Grade(double Credit)
{
    public static readonly Grade Wrong = new(0);
    public static readonly Grade Right = new(1);

    public bool Correct => Credit >= 1;
}
