using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

/// <summary>Questions that exclude each other (near-duplicates, give-aways) never share a paper.</summary>
public sealed class PaperExclusionTests
{
    private static Question Q(string key, string category = "健康", int difficulty = 3, params string[] excludes) =>
        Samples.Make(key, QuestionType.Single, $"题{key}", ["甲", "乙", "丙"], AnswerKey.Choice(0), category, [], difficulty) with { Excludes = excludes };

    [Fact]
    public void An_excluding_pair_never_shares_a_paper_whichever_side_names_the_other_over_1000_draws()
    {
        // a1 names a2; b2 is named by b1 only (the exclusion holds both ways); c1, c2, c3 exclude each other in a ring.
        List<Question> pool =
        [
            Q("a1", excludes: "a2"), Q("a2"), Q("b1", excludes: "b2"), Q("b2"),
            Q("c1", excludes: "c2"), Q("c2", excludes: "c3"), Q("c3", excludes: "c1"),
            .. Enumerable.Range(0, 8).Select(i => Q($"x{i}")),
        ];
        (string, string)[] pairs = [("a1", "a2"), ("b1", "b2"), ("c1", "c2"), ("c2", "c3"), ("c3", "c1")];
        var together = new HashSet<string>();
        for (var seed = 0; seed < 1000; seed++)
        {
            var paper = PaperDrawer.Draw("b", pool, [new BlueprintRule(10)], seed).Paper!;
            var keys = paper.Items.Select(i => i.QuestionId[2..]).ToHashSet();
            Assert.Equal(10, keys.Count);
            Assert.DoesNotContain(pairs, p => keys.Contains(p.Item1) && keys.Contains(p.Item2));
            together.UnionWith(keys);
        }
        Assert.Equal(pool.Count, together.Count); // every question still gets drawn, just never with its partner
    }

    [Fact]
    public void A_rule_only_exclusions_leave_short_says_so()
    {
        // Rule 1 draws one of a1/a2; rule 2 needs both of the other two, each excluded by a1 and a2 alike.
        var pool = new List<Question> { Q("a1", "甲", excludes: ["b1", "b2"]), Q("a2", "甲", excludes: ["b1", "b2"]), Q("b1", "乙"), Q("b2", "乙") };
        var outcome = PaperDrawer.Draw("b", pool, [new BlueprintRule(1, Category: "甲"), new BlueprintRule(2, Category: "乙")], 3);
        Assert.Null(outcome.Paper);
        var shortfall = Assert.Single(outcome.Shortfalls);
        Assert.Equal((2, 2, 0, 2, 2), (shortfall.Rule, shortfall.Wanted, shortfall.Available, shortfall.Excluded, shortfall.Short));
        Assert.Contains("2 of them excluded by questions already on the paper", shortfall.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draw_cornered_by_an_early_pick_is_tried_again_and_filled()
    {
        // Rule 1 takes one of a1/a2; only a2 leaves rule 2 (b1, b2) fillable. Every seed still ends with a paper.
        var pool = new List<Question> { Q("a1", "甲", excludes: "b1"), Q("a2", "甲"), Q("b1", "乙"), Q("b2", "乙") };
        for (var seed = 0; seed < 200; seed++)
        {
            var paper = PaperDrawer.Draw("b", pool, [new BlueprintRule(1, Category: "甲"), new BlueprintRule(2, Category: "乙")], seed).Paper;
            Assert.NotNull(paper);
            Assert.Contains(paper.Items, i => i.QuestionId == "q-a2");
        }
    }

    [Fact]
    public void A_difficulty_band_takes_both_ends_and_nothing_outside()
    {
        var pool = Enumerable.Range(1, 5).Select(d => Q($"d{d}", difficulty: d)).ToList();
        var rule = new BlueprintRule(3, MinDifficulty: 2, MaxDifficulty: 4);
        Assert.Equal(["d2", "d3", "d4"], pool.Where(rule.Matches).Select(q => q.Key));
        Assert.Contains("difficulty 2-4", rule.Describe(), StringComparison.Ordinal);
        Assert.Equal(["r.minDifficulty"], new BlueprintRule(1, MinDifficulty: 4, MaxDifficulty: 2).FilterErrors("r").Select(e => e.Field));
        Assert.Equal(["r.maxDifficulty"], new BlueprintRule(1, MaxDifficulty: 6).FilterErrors("r").Select(e => e.Field));
    }
}
