using System.Text.Json;
using Quiz.Core.Assessment;
using Quiz.Server.Hosting;

namespace Quiz.Server.Tests.Assessment;

/// <summary>The shipped questionnaire: enough items per dimension, mostly multiple-choice, explained, and unpassable by guessing.</summary>
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
        // Worst case: the paper draws, in each dimension, the items easiest to guess (true/false 1/2, single choice 1/options,
        // multiple choice 1/(2^options - 1) when only the exact set scores). Chance of 35 or more right of 50 (70 points):
        var chances = AssessmentDefaults.Blueprint.SelectMany(rule => Items.Where(i => Dimension(i) == rule.Category)
            .Select(GuessChance).OrderDescending().Take(rule.Count)).ToList();
        Assert.Equal(50, chances.Count);
        var atLeast = AtLeast(chances, 35);
        Assert.True(atLeast < 1e-6, $"a guesser passes with probability {atLeast:E2}");
        Assert.True(chances.Sum() * 2 < 40, $"a guesser's expected score {chances.Sum() * 2:0.0} stays far below 55");
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
