namespace Quiz.Core.Assessment;

/// <summary>
/// The codes a respondent's profile and the organizer's margins use. Age bands outside 18-69 may be given (so a
/// respondent can answer truthfully) but exclude the respondent from the indicator, as the national survey counts
/// citizens aged 18-69. Residence (城镇/乡村) is optional on both sides: a district's margins may give it, and then
/// its respondents need it to carry a weight.
/// </summary>
public static class ProfileCodes
{
    public const string Age = "age";
    public const string Sex = "sex";
    public const string Education = "education";
    public const string Residence = "residence";

    /// <summary>The dimensions every district's margins give, in raking order.</summary>
    public static readonly IReadOnlyList<string> Dimensions = [Age, Sex, Education];

    /// <summary>Every dimension a margins file may give: the three above and, optionally, residence.</summary>
    public static readonly IReadOnlyList<string> AllDimensions = [Age, Sex, Education, Residence];

    public static readonly IReadOnlyList<string> CountedAgeBands = ["18-29", "30-39", "40-49", "50-59", "60-69"];

    public static readonly IReadOnlyList<string> ExcludedAgeBands = ["under-18", "70-plus"];

    public static readonly IReadOnlyList<string> Sexes = ["male", "female"];

    /// <summary>小学及以下, 初中, 高中 (中专、职高), 大专及以上.</summary>
    public static readonly IReadOnlyList<string> Educations = ["primary", "junior", "senior", "college"];

    /// <summary>城镇, 乡村 (where the respondent lives, as the census counts it).</summary>
    public static readonly IReadOnlyList<string> Residences = ["urban", "rural"];

    /// <summary>Hangzhou's districts and counties, in the order of the action plan's target table.</summary>
    public static readonly IReadOnlyList<string> Districts =
        ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];

    /// <summary>The codes of a weighting dimension (the counted age bands only: margins describe the population 18-69).</summary>
    public static IReadOnlyList<string> CodesOf(string dimension) => dimension switch
    {
        Age => CountedAgeBands,
        Sex => Sexes,
        Education => Educations,
        Residence => Residences,
        _ => [],
    };

    /// <summary>Dimensions and codes in Chinese, as the pages show them, for texts written on the server (exports).</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>
    {
        [Age] = "年龄", [Sex] = "性别", [Education] = "文化程度", [Residence] = "城乡",
        ["18-29"] = "18-29岁", ["30-39"] = "30-39岁", ["40-49"] = "40-49岁", ["50-59"] = "50-59岁", ["60-69"] = "60-69岁",
        ["male"] = "男", ["female"] = "女", ["primary"] = "小学及以下", ["junior"] = "初中", ["senior"] = "高中、中专、职高", ["college"] = "大专及以上",
        ["urban"] = "城镇", ["rural"] = "乡村",
    };

    /// <summary>A code or a comma-separated list of codes in Chinese; anything else as it is.</summary>
    public static string Chinese(string text) =>
        string.Join("、", text.Split(", ").Select(c => ChineseNames.GetValueOrDefault(c, c)));

    public static bool IsAgeBand(string? code) => code is not null && (CountedAgeBands.Contains(code) || ExcludedAgeBands.Contains(code));

    public static bool IsDistrict(string? name) => name is not null && Districts.Contains(name);
}
