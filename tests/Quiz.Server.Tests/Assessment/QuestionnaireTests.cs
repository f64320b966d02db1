using System.Text.Json;
using Quiz.Core.Assessment;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Common;
using Quiz.Server.Hosting;

namespace Quiz.Server.Tests.Assessment;

/// <summary>
/// The shipped questionnaire: enough items per dimension, mostly multiple-choice, explained, unpassable by guessing,
/// and drawn into papers that all have the same profile (subcategory x difficulty band).
/// </summary>
public sealed class QuestionnaireTests
{
    private sealed record Item(string Key, string Type, string Category, string[]? Options, string Answer, string Explanation);

    private static readonly List<Item> Items = JsonSerializer.Deserialize<JsonElement>(SampleBank.AssessmentFiles().Single().Content)
        .GetProperty("questions").Deserialize<List<Item>>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static string Dimension(Item item) => item.Category.Split('/')[0];

    [Fact]
    public void Every_dimension_holds_more_items_than_the_default_paper_draws()
    {
        Assert.True(Items.Count >= 80);
        foreach (var rule in AssessmentDefaults.Blueprint)
        {
            Assert.True(Items.Count(i => Dimension(i) == rule.Category) >= 2 * rule.Count, $"{rule.Category}: two papers' worth of items");
        }
        Assert.All(Items, i => Assert.Contains(Dimension(i), AssessmentDefaults.Split.Select(s => s.Category)));
        Assert.All(Items, i => Assert.True(i.Explanation.Length >= 20, $"{i.Key} explains its answer"));
        Assert.Equal(Items.Count, Items.Select(i => i.Key).Distinct().Count());
        Assert.True(Items.Count(i => i.Type == "truefalse") * 10 < Items.Count, "true/false items stay under a tenth");
    }

    [Fact]
    public void A_pure_guesser_practically_never_reaches_the_literacy_line()
    {
        // Worst case: the paper draws, for each rule of the balanced blueprint, the items easiest to guess (true/false 1/2,
        // single choice 1/options, multiple choice 1/(2^options - 1) when only the exact set scores). Chance of 35 or more
        // right of 50 (70 points):
        var questions = Questions();
        var chances = PaperBalance.For(questions).SelectMany(rule => Items.Where(i => rule.Matches(questions.Single(q => q.Key == i.Key)))
            .Select(GuessChance).OrderDescending().Take(rule.Count)).ToList();
        Assert.Equal(50, chances.Count);
        var atLeast = AtLeast(chances, 35);
        Assert.True(atLeast < 1e-6, $"a guesser passes with probability {atLeast:E2}");
        Assert.True(chances.Sum() * 2 < 40, $"a guesser's expected score {chances.Sum() * 2:0.0} stays far below 55");
    }

    [Fact]
    public void Every_paper_of_an_assessment_has_the_same_profile_over_1000_draws()
    {
        var questions = Questions();
        var rules = PaperBalance.For(questions);
        Assert.Empty(AssessmentPaper.Check(new Core.Rounds.OnlineRound
        {
            OpensAt = DateTimeOffset.UnixEpoch, ClosesAt = DateTimeOffset.UnixEpoch.AddHours(1), TimeLimitSeconds = 600, BankId = "b",
            Blueprint = rules, Points = AssessmentDefaults.PointsPerItem, PaperSalt = "s",
        }));
        // Every subcategory of the bank is on every paper.
        Assert.Equal(questions.Select(q => PaperBalance.SubcategoryOf(q.Category)).Distinct().Order(), rules.Select(r => r.Category).Distinct().Order());
        var profiles = Enumerable.Range(0, 1000).Select(seed => Profile(questions, PaperDrawer.Draw("b", questions, rules, seed).Paper!)).ToList();
        Assert.All(profiles, p => Assert.Equal(profiles[0], p));
        Assert.Equal(50, rules.Sum(r => r.Count));
        Assert.Equal(AssessmentDefaults.Split.Select(s => s.Points / 2), AssessmentDefaults.Split.Select(s => profiles[0].Where(p => p.StartsWith(s.Category, StringComparison.Ordinal)).Sum(Count)));
    }

    [Fact]
    public void Papers_keep_their_profile_and_never_hold_both_of_an_excluding_pair()
    {
        // Excluding pairs laid over the shipped items: in every subcategory of four or more, its first two items (a
        // near-duplicate); and the last items of the big subcategories in a chain across dimensions (a give-away).
        var questions = Questions();
        var bySub = questions.GroupBy(q => PaperBalance.SubcategoryOf(q.Category)!).Where(g => g.Count() >= 4).Select(g => g.Select(q => q.Key!).ToList()).ToList();
        var excludes = bySub.ToDictionary(keys => keys[0], keys => new List<string> { keys[1] });
        for (var i = 0; i + 1 < bySub.Count; i++)
        {
            excludes[bySub[i][^1]] = [bySub[i + 1][^1]];
        }
        var pool = questions.Select(q => q with { Excludes = excludes.GetValueOrDefault(q.Key!) ?? [] }).ToList();
        var pairs = excludes.SelectMany(e => e.Value.Select(v => (e.Key, v))).ToList();
        var rules = PaperBalance.For(pool);
        Assert.Equal(50, rules.Sum(r => r.Count));
        string[]? first = null;
        for (var seed = 0; seed < 1000; seed++)
        {
            var paper = PaperDrawer.Draw("b", pool, rules, seed).Paper!;
            var keys = paper.Items.Select(i => i.QuestionId).ToHashSet(); // ids are the keys here
            Assert.DoesNotContain(pairs, p => keys.Contains(p.Key) && keys.Contains(p.v));
            var profile = Profile(pool, paper);
            Assert.Equal(first ??= profile, profile);
        }
    }

    [Fact]
    public void A_bank_too_thin_for_a_balanced_paper_is_refused_naming_the_dimension()
    {
        var thin = Questions().Where(q => !q.Category.StartsWith(AssessmentDefaults.Method, StringComparison.Ordinal) || q.Difficulty < 3).ToList();
        var refused = Assert.Throws<DomainException>(() => PaperBalance.For(thin));
        Assert.Equal("blueprint_short", refused.Code);
        Assert.Contains(AssessmentDefaults.Method, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A paper as counts per dimension/subcategory and difficulty band, e.g. "科学知识/物理 易 3".</summary>
    private static string[] Profile(IReadOnlyList<Question> pool, Paper paper) =>
        [.. paper.Items.Select(i => pool.First(q => q.Id == i.QuestionId))
            .GroupBy(q => $"{PaperBalance.SubcategoryOf(q.Category)} {PaperBalance.BandOf(q.Difficulty)}")
            .Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal)];

    private static int Count(string profileEntry) => int.Parse(profileEntry[(profileEntry.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The shipped questionnaire read as the import reads it, each question's id its key.</summary>
    internal static IReadOnlyList<Question> Questions()
    {
        var parsed = BankFiles.Read(BankFormat.Json, SampleBank.AssessmentFiles().Single().Content);
        Assert.Empty(parsed.Errors);
        return [.. parsed.Drafts.Select(d =>
        {
            var errors = new List<DraftError>();
            var q = QuestionRules.Check(d, errors)!;
            Assert.Empty(errors);
            return q with { Id = q.Key!, BankId = "b" };
        })];
    }

    private static double GuessChance(Item item) => item.Type switch
    {
        "truefalse" => 0.5,
        "single" => 1.0 / item.Options!.Length,
        "multiple" => 1.0 / (Math.Pow(2, item.Options!.Length) - 1),
        _ => 0,
    };

    /// <summary>P(at least k successes) of independent trials with these chances (Poisson binomial, by dynamic programming).</summary>
    private static double AtLeast(IReadOnlyList<double> chances, int k)
    {
        var p = new double[chances.Count + 1];
        p[0] = 1;
        foreach (var c in chances)
        {
            for (var j = p.Length - 1; j >= 1; j--)
            {
                p[j] = p[j] * (1 - c) + p[j - 1] * c;
            }
            p[0] *= 1 - c;
        }
        return p.Skip(k).Sum();
    }
}
