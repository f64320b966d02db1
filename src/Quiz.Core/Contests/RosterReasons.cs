using Quiz.Core.Common;

namespace Quiz.Core.Contests;

/// <summary>
/// Why a roster row or file is refused, in English and Simplified Chinese (served at GET /api/contests/roster-reasons).
/// File-level problems a roster shares with a bank file (encoding, a damaged workbook, the header) keep their bank
/// codes. Codes are stable API.
/// </summary>
public static class RosterReasons
{
    public static readonly ReasonText NameEmpty = new("roster.nameEmpty", "the name (姓名) is empty", "姓名为空");
    public static readonly ReasonText StaffIdEmpty = new("roster.staffIdEmpty",
        "the staff id (工号) is empty: each person needs one, unique in the roster", "工号为空：每人都要有工号，且在名单中不重复");
    public static readonly ReasonText TooLong = new("roster.tooLong", "too long: {length} characters (at most {max})", "太长：{length} 个字符（最多 {max} 个）");
    public static readonly ReasonText PhoneInvalid = new("roster.phoneInvalid",
        "the phone '{value}' is not 7 to 20 digits (+, - and spaces allowed)", "手机号“{value}”应为 7 到 20 位数字（可含 +、- 和空格）");
    public static readonly ReasonText StaffIdRepeat = new("roster.staffIdRepeat", "the staff id '{staffId}' is already used by row {row}", "工号“{staffId}”已在第 {row} 行用过");
    public static readonly ReasonText Empty = new("roster.empty",
        "the file is empty: expected a header row ({headers}) and one person per row", "文件为空：第一行应为表头（{headers}），之后每行一人");
    public static readonly ReasonText NoPeople = new("roster.noPeople", "the file has a header row but nobody on it", "文件只有表头，没有名单");
    public static readonly ReasonText TooMany = new("roster.tooMany", "at most {max} people in one import; this file has {count}", "一次最多导入 {max} 人，这个文件有 {count} 人");
    public static readonly ReasonText Format = new("roster.format",
        "a roster imports from .xlsx or .csv (JSON goes to POST /api/contests/<id>/roster)", "名单请用 .xlsx 或 .csv 文件导入");

    public static IReadOnlyList<ReasonText> All => AllTexts.Value;

    private static readonly Lazy<IReadOnlyList<ReasonText>> AllTexts = new(() => ReasonText.TableOf(typeof(RosterReasons)));
}
