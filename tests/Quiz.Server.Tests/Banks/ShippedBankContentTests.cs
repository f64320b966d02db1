using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Server.Hosting;

namespace Quiz.Server.Tests.Banks;

/// <summary>
/// What every shipped question must be, read through the real import: no stem twice, no choice list with the same
/// option twice in other spelling, every excluded key a question of the same bank, the fill-in answers people write
/// accepted by the real grader, and every theme of the city's action plan covered by at least 15 active questions.
/// </summary>
public sealed class ShippedBankContentTests
{
    public const int PerTheme = 15;

    /// <summary>
    /// The plan's themes and where the sample bank holds them: a theme counts the questions whose category is one of
    /// its paths or under one; each named part of a theme (tag or sub-category) needs a few questions of its own.
    /// </summary>
    public static readonly IReadOnlyList<(string Theme, string[] Categories, string[] Parts)> Themes =
    [
        ("青少年与科技教育", ["青少年科技教育"], []),
        ("领导干部和公务员", ["领导干部和公务员"], ["数字化改革", "科技前沿", "科学决策"]),
        ("产业工人与职业健康", ["产业工人"], ["智慧蓝领", "工匠精神", "职业健康"]),
        ("科普基础设施", ["科普基础设施"], ["中国杭州低碳科技馆", "区县科技馆", "流动科技馆"]),
        ("科普品牌", ["科普品牌活动"], ["全国科普日", "杭州科普宣传周", "科技活动周", "全国低碳日"]),
        ("信息化传播", ["信息化传播"], []),
        ("创新创业", ["创新创业"], []),
        ("科技志愿服务", ["科技志愿服务"], []),
        ("院士路与院士岛", ["院士路与院士岛"], ["院士路", "院士岛"]),
        ("未来社区、新材料与生命健康", ["未来社区、新材料与生命健康"], ["未来社区", "新材料", "生命健康"]),
        ("老年人健康", ["老年人健康"], []),
        ("农村科普", ["农村科普"], []),
        ("反迷信", ["崇尚科学破除迷信"], []),
        ("城市大脑", ["城市大脑与数字治理"], []),
        ("防灾减灾", ["防灾减灾"], ["台风", "洪涝"]),
    ];

    private const int PerPart = 3;

    private static readonly Lazy<IReadOnlyList<(string Bank, string File, Question Question)>> All = new(() =>
        [.. Read("sample", SampleBank.Files()), .. Read("assessment", SampleBank.AssessmentFiles())]);

    [Fact]
    public void Every_shipped_question_imports_and_no_stem_comes_twice()
    {
        var stems = new Dictionary<string, string>();
        foreach (var (_, file, q) in All.Value)
        {
            var stem = Plain(q.Stem);
            Assert.True(stems.TryAdd(stem, q.Key!), $"{file}: {q.Key} has the stem of {stems.GetValueOrDefault(stem)}");
            Assert.False(string.IsNullOrWhiteSpace(q.Explanation), $"{q.Key} has no explanation");
            Assert.False(string.IsNullOrWhiteSpace(q.Category), $"{q.Key} has no category");
        }
    }

    [Fact]
    public void No_choice_list_holds_the_same_option_twice_in_other_spelling()
    {
        foreach (var (_, _, q) in All.Value.Where(x => x.Question.Type is QuestionType.Single or QuestionType.Multiple))
        {
            var plain = q.Options.Select(Plain).ToList();
            Assert.True(plain.Distinct().Count() == plain.Count, $"{q.Key}: {string.Join(" / ", q.Options)}");
        }
    }

    [Fact]
    public void Every_excluded_key_is_another_question_of_the_same_bank()
    {
        var keys = All.Value.ToLookup(x => x.Bank, x => x.Question.Key!);
        var named = 0;
        foreach (var (bank, file, q) in All.Value)
        {
            foreach (var key in q.Excludes)
            {
                Assert.True(keys[bank].Contains(key), $"{file}: {q.Key} excludes {key}, which the {bank} bank does not have");
                Assert.NotEqual(q.Key, key);
                named++;
            }
        }
        Assert.True(named >= 20, $"only {named} exclusions are declared");
    }

    [Fact]
    public void Every_theme_of_the_plan_has_enough_active_questions()
    {
        var sample = All.Value.Where(x => x.Bank == "sample" && !x.Question.Retired).Select(x => x.Question).ToList();
        var report = new List<string>();
        foreach (var (theme, categories, parts) in Themes)
        {
            var held = sample.Where(q => categories.Any(c => q.Category == c || q.Category.StartsWith(c + "/", StringComparison.Ordinal))).ToList();
            if (held.Count < PerTheme)
            {
                report.Add($"{theme}: {held.Count} of {PerTheme}");
            }
            foreach (var part in parts)
            {
                var count = held.Count(q => q.Tags.Contains(part) || q.Category.Split('/').Contains(part));
                if (count < PerPart)
                {
                    report.Add($"{theme}/{part}: {count} of {PerPart}");
                }
            }
        }
        Assert.True(report.Count == 0, string.Join("; ", report));
    }

    [Fact]
    public void Date_bound_questions_carry_a_review_by_date()
    {
        var dated = All.Value.Where(x => x.Question.ReviewBy is not null).Select(x => x.Question.Key).ToHashSet();
        Assert.Superset(new HashSet<string?> { "food-003", "food-004", "food-016", "food-031", "lit-a-014" }, dated);
    }

    [Theory]
    [InlineData("carbon-029", "千瓦小时")]
    [InlineData("carbon-029", "千瓦时")]
    [InlineData("food-030", "2760-2024")]
    [InlineData("food-030", "ＧＢ 2760")]
    [InlineData("hz-028", "广州市")]
    [InlineData("hz-029", "喇叭形")]
    [InlineData("sci-029", "生理学与医学")]
    [InlineData("sci-029", "生理学或医学奖")]
    [InlineData("safety-030", "36V")]
    [InlineData("safety-030", "３６ｖ")]
    [InlineData("digital-028", "北斗卫星导航系统")]
    public void Fill_in_answers_people_write_are_accepted_by_the_grader(string key, string typed) =>
        Assert.Equal(Grade.Right, AnswerGrader.Grade(Find(key), new Response([], typed)));

    [Theory]
    [InlineData("safety-030", "220")]
    [InlineData("hz-028", "上海")]
    [InlineData("digital-028", "GPS")]
    public void Wrong_fill_in_answers_stay_wrong(string key, string typed) =>
        Assert.Equal(Grade.Wrong, AnswerGrader.Grade(Find(key), new Response([], typed)));

    private static Question Find(string key) => All.Value.Single(x => x.Question.Key == key).Question;

    // Width, case and spaces folded by the grader's own normalizer, then punctuation dropped.
    private static string Plain(string text) =>
        new([.. TextNormalizer.Normalize(text).Where(c => !char.IsPunctuation(c) && !char.IsWhiteSpace(c) && !char.IsSymbol(c))]);

    private static IEnumerable<(string Bank, string File, Question Question)> Read(string bank, IEnumerable<(string Name, byte[] Content)> files)
    {
        foreach (var (name, content) in files)
        {
            var (questions, errors) = ImportPlan.Check(BankFiles.Read(BankFormat.Json, content));
            Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Take(10).Select(e => $"question {e.Row} {e.Column}: {e.Message}")));
            foreach (var q in questions)
            {
                yield return (bank, name, q);
            }
        }
    }
}
