using Quiz.Core.Banks;

namespace Quiz.Core.Assessment;

/// <summary>
/// What makes a contest an assessment: the bank and the paper blueprint its online round draws from, and the target
/// share (in percent) of each district and of the city. Stored under the contest's hash tag.
/// </summary>
public sealed record AssessmentSetup(
    string ContestId,
    string BankId,
    IReadOnlyList<BlueprintRule> Blueprint,
    double PointsPerItem,
    double CityTarget,
    IReadOnlyDictionary<string, double> Targets,
    long CreatedAtMs);

/// <summary>The national survey's split and the action plan's targets, as data.</summary>
public static class AssessmentDefaults
{
    public const string Knowledge = "科学知识";
    public const string Method = "科学方法";
    public const string Spirit = "科学精神与思想";
    public const string Application = "应用科学的能力";

    /// <summary>The four dimensions and their points on the 100-point paper (40/20/20/20).</summary>
    public static readonly IReadOnlyList<(string Category, int Points)> Split = [(Knowledge, 40), (Method, 20), (Spirit, 20), (Application, 20)];

    /// <summary>
    /// The split as rules by dimension (20 + 10 + 10 + 10 items of 2 points): what a plan is checked against before a
    /// bank is read. The papers an assessment draws use <see cref="PaperBalance.For"/>, which splits each of these by
    /// subcategory and difficulty band.
    /// </summary>
    public static readonly IReadOnlyList<BlueprintRule> Blueprint =
        [new(20, Category: Knowledge), new(10, Category: Method), new(10, Category: Spirit), new(10, Category: Application)];

    public const double PointsPerItem = 2;

    /// <summary>全市 22% by 2025.</summary>
    public const double CityTarget = 22;

    /// <summary>
    /// The plan's district targets: 25% (or more) for the four central districts; 18% (力争) for the five western
    /// districts and counties; the city average (22%) for 萧山, 余杭, 临平 and 钱塘.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> Targets = new Dictionary<string, double>
    {
        ["上城区"] = 25, ["拱墅区"] = 25, ["西湖区"] = 25, ["滨江区"] = 25,
        ["萧山区"] = CityTarget, ["余杭区"] = CityTarget, ["临平区"] = CityTarget, ["钱塘区"] = CityTarget,
        ["富阳区"] = 18, ["临安区"] = 18, ["桐庐县"] = 18, ["淳安县"] = 18, ["建德市"] = 18,
    };

    /// <summary>Districts whose target is the city average: it follows the city target when that is changed.</summary>
    public static readonly IReadOnlyList<string> AtCityAverage = ["萧山区", "余杭区", "临平区", "钱塘区"];

    /// <summary>
    /// Every view and export carries this: who took part chose to; the paper is the platform's own, not the national
    /// survey's; the line only follows the survey's. The figure is the participants', not the city's.
    /// </summary>
    public const string Caveat =
        "本测评的参与者为自愿参加者，不是随机抽样样本；试卷是本平台自编的在线测试（可查阅资料，题目和难度都与全国调查不同），"
        + "不是中国公民科学素质抽样调查的问卷。所示比例是“达到本平台 70 分线”的参与者比例，70 分线只是参照该调查的判定标准设定，"
        + "两者不能直接比较；它是参与者指标，不是官方统计的“公民具备科学素质比例”。";

    public const string CaveatEnglish =
        "Participants volunteered; they are not a random sample. The paper is this platform's own online test (open-book, with other items "
        + "and difficulty than the national survey), not the questionnaire of the China Citizens' Scientific Literacy Survey "
        + "(中国公民科学素质抽样调查). The shares are of participants reaching this platform's 70-point line, which only follows that "
        + "survey's cut-off, so the two cannot be compared directly; they describe the participants and are not the official share of "
        + "citizens with scientific literacy.";

    /// <summary>What the share counts, named so nobody reads it as the survey's 具备科学素质.</summary>
    public const string LineName = "达到本平台 70 分线（参照中国公民科学素质抽样调查）";

    public const string LineNameEnglish = "At this platform's 70-point line (after the China Citizens' Scientific Literacy Survey)";
}
