using System.Globalization;
using System.Text;

namespace Quiz.Core.Banks;

/// <summary>
/// Makes fill-in answers comparable: full-width to half-width (ＣＯ２ → CO2, the ideographic space too),
/// compatibility forms folded (CO₂ → CO2), case folded, surrounding and repeated spaces dropped.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // NFKC folds full-width letters and digits, subscripts and the ideographic space to their plain forms.
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return builder.ToString().TrimEnd('。', '.');
    }
}
