using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("  Hello   World ", "hello world")]
    [InlineData("ＡＢＣ１２３", "abc123")]
    [InlineData("钱学森\u3000", "钱学森")]
    [InlineData("H₂O", "h2o")]
    [InlineData("\t\n", "")]
    public void Folds_width_case_and_spaces(string input, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(input));
}
