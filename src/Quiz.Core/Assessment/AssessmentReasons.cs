using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>
/// Every reason a margins file is refused for, and every reason a district (or the city) shows a status instead of a
/// figure, in English and Simplified Chinese, as <see cref="Banks.BankReasons"/> is for banks: the server writes the
/// English from it, the assessment pages fetch it (GET /api/assessments/reasons) and render code + args in their
/// language. Codes are stable API; change a text freely, never a code or an argument name. Arguments named
/// <c>dimension</c>, <c>code</c> and <c>codes</c> hold profile codes (age, 60-69, primary), which the pages translate.
/// </summary>
public static class AssessmentReasons
{
    // ---- the margins file (MarginsCsv, LoadMargins)
    public static readonly ReasonText Header = new("margins.header",
        "the header must be district,dimension,code,population (or 区县,维度,类别,人口)", "表头应为 district,dimension,code,population（或 区县,维度,类别,人口）");
    public static readonly ReasonText District = new("margins.district",
        "'{value}' is not one of Hangzhou's 13 districts and counties", "“{value}”不是杭州的 13 个区县之一");
    public static readonly ReasonText Dimension = new("margins.dimension",
        "'{value}' is not a dimension: use age, sex, education or residence", "“{value}”不是维度，请填 age、sex、education 或 residence");
    public static readonly ReasonText Code = new("margins.code",
        "'{value}' is not a code of {dimension}; use {codes}", "“{value}”不是{dimension}的类别，请填 {codes}");
    public static readonly ReasonText Repeat = new("margins.repeat",
        "{district} {dimension} {code} is given twice (first in row {first})", "{district} {dimension} {code} 重复（第 {first} 行已给出）");
    public static readonly ReasonText Population = new("margins.population",
        "'{value}' is not a number of people (0 or more)", "“{value}”不是人数（应为 0 或正数）");
    public static readonly ReasonText Lacks = new("margins.lacks",
        "{dimension} lacks {codes} (give 0 for none)", "{dimension}缺少 {codes}（没有的请填 0）");
    public static readonly ReasonText ZeroTotal = new("margins.zeroTotal", "{dimension} totals 0 people", "{dimension}合计为 0 人");
    public static readonly ReasonText Totals = new("margins.totals",
        "the totals differ by more than 1% (age {age}, sex {sex}, education {education}, residence {residence}); the population is the sex total, so the others must agree with it",
        "各维度合计相差超过 1%（年龄 {age}，性别 {sex}，文化程度 {education}，城乡 {residence}）；人口以性别合计为准，其他维度须与之一致");
    public static readonly ReasonText Empty = new("margins.empty", "no margins: list at least one district", "没有人口数据：请至少列出一个区县");
    public static readonly ReasonText Encoding = new("margins.encoding",
        "the file is not text in UTF-8 or GB18030/GBK; save it as \"CSV UTF-8\"", "文件不是 UTF-8 或 GB18030/GBK 编码的文本，请另存为“CSV UTF-8”");
    public static readonly ReasonText Malformed = new("margins.malformed", "the CSV is malformed near row {row}: {detail}", "CSV 格式错误，在第 {row} 行附近：{detail}");
    public static readonly ReasonText Size = new("margins.size", "the file must be a CSV of 1 byte to {mb} MB", "文件应为 1 字节到 {mb} MB 的 CSV");

    // ---- a district's weights (Raking, MarginFeasibility): no share, interval or verdict is shown, this is
    public static readonly ReasonText Uncovered = new("weighting.uncovered",
        "no weighted figure: nobody who gave a profile is in {dimension} {code}, {share}% of the people ({count} such codes in all); weights cannot stand in for a group with no respondent",
        "无加权结果：填写了个人信息的参与者中没有{dimension}为“{code}”的人（该类人口占 {share}%；这样的类别共 {count} 个），权重无法代表一个没有参与者的群体");
    public static readonly ReasonText Infeasible = new("weighting.infeasible",
        "no weighted figure: no weights can meet these margins. The respondents in {dimension} {codes} ({share}% of the people) all have {other} {linked}, which holds only {room}%",
        "无加权结果：没有任何权重能同时符合这些人口结构。{dimension}为“{codes}”的参与者（该类人口占 {share}%）全部属于{other}“{linked}”，而后者只占 {room}%");
    public static readonly ReasonText NotConverged = new("weighting.notConverged",
        "no weighted figure: raking did not meet every margin within {sweeps} sweeps (still off by {error}% at {dimension} {code}); the margins cannot be met by these respondents' mix",
        "无加权结果：迭代 {sweeps} 轮后仍未符合全部人口结构（{dimension}“{code}”仍差 {error}%），这些参与者的构成无法匹配该人口结构");
    public static readonly ReasonText CapNotHeld = new("weighting.capNotHeld",
        "weights could not be kept under {cap} times the mean while meeting the margins; untrimmed weights are used (effective n {neff})",
        "在符合人口结构的前提下无法把权重限制在平均值的 {cap} 倍以内，已使用未截尾的权重（有效样本量 {neff}）");

    // ---- the city
    public static readonly ReasonText CityPartial = new("city.partial",
        "the weighted figure covers {covered} of 13 districts; without {missing}, it is not the whole city and is not compared with the city target",
        "加权结果只覆盖 13 个区县中的 {covered} 个，不含 {missing}，不代表全市，不与全市目标比较");

    /// <summary>A reason in Chinese, profile codes among its arguments in Chinese too (for exports; the pages do the same from the table).</summary>
    public static string Chinese(Reason reason) => ReasonText.Render(All.Single(r => r.Code == reason.Code).Chinese,
        reason.Args.ToDictionary(a => a.Key, a => a.Key is "dimension" or "code" or "codes" or "other" or "linked" ? ProfileCodes.Chinese(a.Value) : a.Value));

    /// <summary>Every entry above.</summary>
    public static IReadOnlyList<ReasonText> All => AllTexts.Value;

    private static readonly Lazy<IReadOnlyList<ReasonText>> AllTexts = new(() => ReasonText.TableOf(typeof(AssessmentReasons)));
}
