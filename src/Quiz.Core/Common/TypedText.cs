using System.Globalization;
using System.Text;

namespace Quiz.Core.Common;

/// <summary>What a typed text is for, which decides what it may hold and how it is folded.</summary>
public enum TextShape
{
    /// <summary>
    /// A name that identifies someone or something on a board (nickname, roster name, staff id, team, unit, district,
    /// stage team and member): one line, folded to NFKC (full-width and compatibility forms become plain ones, so
    /// "上城区" typed on any keyboard is one name), runs of spaces collapsed.
    /// </summary>
    Name,

    /// <summary>A title (contest, round, bank, category, tag): one line, spaces collapsed; its typography is kept (（决赛） stays full-width).</summary>
    Line,

    /// <summary>Prose (a stem, an option, an explanation): line breaks and tabs kept; its typography is kept (CO₂, m², ①).</summary>
    Prose,
}

/// <summary>
/// The one rule for text people type, wherever they type it. It refuses control characters, invisible formatting
/// and direction characters (zero-width space, right-to-left override, byte-order mark...), broken characters,
/// blank look-alike letters (Hangul filler, braille blank) and more than <see cref="MaxMarks"/> combining marks on one
/// character; a text with nothing visible is refused too. Lengths count text elements (what a reader sees as one
/// character: 👍🏽 is one). Names are folded to NFKC so look-alikes compare equal; titles and prose are only composed
/// (NFC), because NFKC would turn CO₂ into CO2 and Chinese full-width punctuation into ASCII.
/// </summary>
public static class TypedText
{
    public const int MaxMarks = 4;
    private const char ZeroWidthJoiner = '\u200D';

    // Letters that draw nothing: the classic invisible nickname.
    private static readonly HashSet<int> Blanks = [0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5];

    /// <summary>The text as it is stored: trimmed, folded as its shape says. Never throws; <see cref="Problem"/> says what is wrong with it.</summary>
    public static string Clean(string? text, TextShape shape)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var folded = Fold(text, shape == TextShape.Name ? NormalizationForm.FormKC : NormalizationForm.FormC);
        if (shape == TextShape.Prose)
        {
            return folded.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        }
        var builder = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>What is wrong with the text once cleaned, or null. An empty text is fine here: whether it is required is the caller's rule.</summary>
    public static Reason? Problem(string? text, TextShape shape, int maxLength)
    {
        var clean = Clean(text, shape);
        if (clean.Length == 0)
        {
            return null;
        }
        var visible = false;
        var at = 0;
        var elements = StringInfo.GetTextElementEnumerator(clean);
        while (elements.MoveNext())
        {
            at++;
            var element = elements.GetTextElement();
            var marks = 0;
            var previous = 0;
            for (var i = 0; i < element.Length;)
            {
                if (Rune.DecodeFromUtf16(element.AsSpan(i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
                {
                    return TextReasons.Broken.With(("at", at));
                }
                i += used;
                var category = Rune.GetUnicodeCategory(rune);
                if (RefusedAs(rune, category, shape, previous) is { } refused)
                {
                    return refused.With(("char", $"U+{rune.Value:X4}"), ("at", at));
                }
                if ((category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) && ++marks > MaxMarks)
                {
                    return TextReasons.Marks.With(("at", at), ("max", MaxMarks));
                }
                visible |= IsVisible(rune, category);
                previous = rune.Value;
            }
        }
        if (!visible)
        {
            return TextReasons.Invisible.With();
        }
        return at > maxLength ? TextReasons.TooLong.With(("length", ReasonText.Grouped(at)), ("max", ReasonText.Grouped(maxLength))) : null;
    }

    /// <summary>A field error for <paramref name="field"/>, or null: the one call each message's validation makes per typed field.</summary>
    public static FieldError? Check(string field, string? text, TextShape shape, int maxLength, bool required = false)
    {
        if (required && Clean(text, shape).Length == 0)
        {
            return FieldError.Of(field, TextReasons.Required.With());
        }
        return Problem(text, shape, maxLength) is { } reason ? FieldError.Of(field, reason) : null;
    }

    /// <summary>How many characters a reader sees.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>The cleaned text, or null when nothing is left: optional fields (team, unit) store null, not "".</summary>
    public static string? CleanOrNull(string? text, TextShape shape) => Clean(text, shape) is { Length: > 0 } clean ? clean : null;

    private static ReasonText? RefusedAs(Rune rune, UnicodeCategory category, TextShape shape, int previous) => category switch
    {
        UnicodeCategory.Control when shape == TextShape.Prose && rune.Value is '\n' or '\t' => null,
        UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => TextReasons.Control,
        // A joiner inside an emoji sequence (👨‍👩‍👧) is part of the picture; anywhere else it only hides.
        UnicodeCategory.Format when rune.Value == ZeroWidthJoiner && IsPictograph(previous) => null,
        UnicodeCategory.Format => TextReasons.Format,
        UnicodeCategory.PrivateUse when shape == TextShape.Name => TextReasons.Format,
        UnicodeCategory.OtherNotAssigned when IsNoncharacter(rune.Value) => TextReasons.Control,
        _ when shape != TextShape.Prose && Blanks.Contains(rune.Value) => TextReasons.Format,
        _ => null,
    };

    private static bool IsVisible(Rune rune, UnicodeCategory category) =>
        !Rune.IsWhiteSpace(rune) && !Blanks.Contains(rune.Value) && category is not (UnicodeCategory.NonSpacingMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format or UnicodeCategory.Control);

    // Emoji live in the astral planes or the symbol blocks; U+FE0F asks for the emoji form of the one before.
    private static bool IsPictograph(int value) => value >= 0x1F000 || value is >= 0x2600 and <= 0x27BF or 0xFE0F or 0x2764;

    private static bool IsNoncharacter(int value) => (value & 0xFFFE) == 0xFFFE || value is >= 0xFDD0 and <= 0xFDEF;

    /// <summary>Normalizes; a text with a broken character cannot be normalized and stays as it is, for <see cref="Problem"/> to refuse.</summary>
    private static string Fold(string text, NormalizationForm form)
    {
        try
        {
            return text.Normalize(form);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }
}
