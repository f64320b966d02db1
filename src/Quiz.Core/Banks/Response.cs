namespace Quiz.Core.Banks;

/// <summary>What a participant gave: option indices (choice and ordering questions) or a text (fill-in).</summary>
public sealed record Response(IReadOnlyList<int> Options, string? Text = null)
{
    public static Response Choice(params int[] options) => new(options);

    public static Response Fill(string text) => new([], text);
}
