namespace Quiz.Core.Common;

/// <summary>
/// Why a typed text (a nickname, a title, a group name, a bank text) is refused, in English and Simplified Chinese.
/// Shared by every table: the bank table and the contest-setup table both serve these codes (they start with
/// <c>text.</c>), so the pages render them in their language wherever they appear. Codes are stable API.
/// </summary>
public static class TextReasons
{
    public static readonly ReasonText Required = new("text.required", "is required", "必填");
    public static readonly ReasonText TooLong = new("text.tooLong", "too long: {length} characters (at most {max})", "太长：{length} 个字符（最多 {max} 个）");
    public static readonly ReasonText Control = new("text.control",
        "holds a control character ({char}) at character {at}; type the text again instead of pasting it",
        "第 {at} 个字符是控制字符（{char}），请重新输入，不要粘贴");
    public static readonly ReasonText Format = new("text.format",
        "holds an invisible formatting or direction character ({char}) at character {at}",
        "第 {at} 个字符是看不见的格式或方向控制字符（{char}）");
    public static readonly ReasonText Invisible = new("text.invisible", "has no visible character", "没有可见的文字");
    public static readonly ReasonText Marks = new("text.marks",
        "stacks too many combining marks on character {at} (at most {max})", "第 {at} 个字符叠加了过多的组合符号（最多 {max} 个）");
    public static readonly ReasonText Broken = new("text.broken", "holds a broken character (an unpaired surrogate) at character {at}", "第 {at} 个字符已损坏（不成对的代理项）");
    public static readonly ReasonText NotListed = new("text.notListed",
        "'{value}' is not one of this contest's choices", "“{value}”不在本场比赛的可选项中");

    public static IReadOnlyList<ReasonText> All => AllTexts.Value;

    private static readonly Lazy<IReadOnlyList<ReasonText>> AllTexts = new(() => ReasonText.TableOf(typeof(TextReasons)));
}
