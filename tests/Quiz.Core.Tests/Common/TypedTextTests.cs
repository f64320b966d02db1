using Quiz.Core.Common;

namespace Quiz.Core.Tests.Common;

/// <summary>The one rule for typed text, on a table of hostile strings: what each becomes, or the code that refuses it.</summary>
public sealed class TypedTextTests
{
    /// <summary>Input, shape, then the stored form (refusal null) or the refusal code (stored form null).</summary>
    public static TheoryData<string, TextShape, string?, string?> Table => new()
    {
        { "张三", TextShape.Name, "张三", null },
        { "\u200B", TextShape.Name, null, "text.format" },                     // zero-width space only: an invisible nickname
        { "上城\u200B区", TextShape.Name, null, "text.format" },              // a second "上城区" on the screen
        { "上城区\u200B", TextShape.Name, null, "text.format" },
        { "\u202E三张", TextShape.Name, null, "text.format" },                // right-to-left override: shows as 张三
        { "\u2066张三\u2069", TextShape.Name, null, "text.format" },          // direction isolates
        { "\uFEFF张三", TextShape.Name, null, "text.format" },                // a byte-order mark pasted from a file
        { "张\u00AD三", TextShape.Name, null, "text.format" },                // soft hyphen
        { "张\u200D三", TextShape.Name, null, "text.format" },                // a joiner between letters hides
        { "张\0三", TextShape.Name, null, "text.control" },                   // NUL
        { "\u001B[31m红", TextShape.Name, null, "text.control" },             // ESC: a terminal colour code
        { "张\uFFFF", TextShape.Name, null, "text.control" },                 // a noncharacter
        { "\u0301\u0301", TextShape.Name, null, "text.invisible" },           // combining marks only
        { "\u3164", TextShape.Name, null, "text.format" },                    // Hangul filler: the classic blank name
        { "张\u3164三", TextShape.Name, null, "text.format" },
        { "\u2800", TextShape.Name, null, "text.format" },                    // braille blank
        { "\u2800", TextShape.Prose, null, "text.invisible" },
        { "张\u0301\u0302\u0303\u0304\u0305", TextShape.Name, null, "text.marks" }, // "Zalgo" text piled over the rows above
        { "张\uE000", TextShape.Name, null, "text.format" },                  // private use: a glyph only some fonts draw
        { "ＺＨＡＮＧ３", TextShape.Name, "ZHANG3", null },                      // full-width letters and digits
        { "　上城区　", TextShape.Name, "上城区", null },                       // ideographic spaces
        { "上\u00A0城区", TextShape.Name, "上 城区", null },                   // a no-break space is a space: not "上城区"
        { "王  小\t二", TextShape.Name, "王 小 二", null },
        { "第一行\n第二行", TextShape.Name, "第一行 第二行", null },
        { "（决赛）", TextShape.Name, "(决赛)", null },
        { "（决赛）", TextShape.Line, "（决赛）", null },
        { "CO₂ 与 m²", TextShape.Prose, "CO₂ 与 m²", null },
        { "CO₂", TextShape.Name, "CO2", null },
        { "e\u0301", TextShape.Name, "é", null },
        { "第一行\r\n第二行\t甲", TextShape.Prose, "第一行\n第二行\t甲", null },
        { "第一行\u2028第二行", TextShape.Prose, null, "text.control" },
        { "\u0007", TextShape.Prose, null, "text.control" },
        { "👨‍👩‍👧 一家", TextShape.Name, "👨‍👩‍👧 一家", null },           // joiners inside an emoji sequence belong to it
        { "张\uE000", TextShape.Prose, "张\uE000", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_hostile_string_is_folded_or_refused_with_its_code(string input, TextShape shape, string? stored, string? refused)
    {
        var problem = TypedText.Problem(input, shape, 20);
        Assert.Equal(refused, problem?.Code);
        if (stored is not null)
        {
            Assert.Equal(stored, TypedText.Clean(input, shape));
        }
    }

    [Fact]
    public void A_broken_character_is_refused_not_thrown_on()
    {
        // Not in the table: the test runner's serialization would mend the unpaired surrogate before the test sees it.
        Assert.Equal("text.broken", TypedText.Problem("\uD800张", TextShape.Name, 20)?.Code);
        Assert.Equal("text.broken", TypedText.Problem("张\uDC00", TextShape.Prose, 20)?.Code);
    }

    [Fact]
    public void A_refusal_says_which_character_and_where()
    {
        var problem = TypedText.Problem("张三\u202E", TextShape.Name, 20)!;
        Assert.Equal("U+202E", problem.Args["char"]);
        Assert.Equal("3", problem.Args["at"]);
        Assert.Contains("U+202E", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lengths_count_what_a_reader_sees()
    {
        Assert.Null(TypedText.Problem(string.Concat(Enumerable.Repeat("👍🏽", 20)), TextShape.Name, 20)); // 80 UTF-16 units, 20 characters
        var tooLong = TypedText.Problem(new string('长', 21), TextShape.Name, 20)!;
        Assert.Equal("text.tooLong", tooLong.Code);
        Assert.Equal("21", tooLong.Args["length"]);
        Assert.Equal(1, TypedText.Length("👨‍👩‍👧"));
    }

    [Fact]
    public void Blank_and_missing_texts_are_refused_only_where_required()
    {
        Assert.Null(TypedText.Check("team", "   ", TextShape.Name, 50));
        Assert.Equal("text.required", TypedText.Check("nickname", " \u3000 ", TextShape.Name, 20, required: true)?.Code);
        Assert.Null(TypedText.CleanOrNull(" ", TextShape.Name));
        Assert.Equal("nickname", TypedText.Check("nickname", "\u200B", TextShape.Name, 20, required: true)?.Field);
    }

    [Fact]
    public void Look_alikes_of_a_listed_name_fold_to_it_or_are_refused()
    {
        var listed = TypedText.Clean("上城区", TextShape.Name);
        Assert.Equal(listed, TypedText.Clean(" 上城区　", TextShape.Name));
        foreach (var fake in new[] { "上城区\u200B", "\u202D上城区", "上\u200C城区", "上城区\u0000" })
        {
            Assert.NotNull(TypedText.Problem(fake, TextShape.Name, 50));
        }
    }
}
