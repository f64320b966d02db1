using CsCheck;
using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class PaperDrawerTests
{
    private static List<Question> Pool(int perType) =>
    [
        .. Enumerable.Range(0, perType).SelectMany(i => new[]
        {
            Samples.Make($"s{i}", QuestionType.Single, $"单选{i}", ["甲", "乙", "丙", "丁"], AnswerKey.Choice(0), i % 2 == 0 ? "健康/营养" : "双碳", [], 1 + (i % 5)),
            Samples.Make($"m{i}", QuestionType.Multiple, $"多选{i}", ["甲", "乙", "丙"], AnswerKey.Choice(0, 1), "健康", ["难"], 1 + (i % 5)),
            Samples.Make($"t{i}", QuestionType.TrueFalse, $"判断{i}", Question.TrueFalseOptions, AnswerKey.Choice(0), "双碳", [], 2),
        }),
    ];

    private static readonly BlueprintRule[] Rules = [new(5, QuestionType.Single, Category: "健康"), new(3, QuestionType.Multiple), new(2)];

    [Fact]
    public void The_same_seed_draws_the_same_paper_whatever_order_the_pool_comes_in()
    {
        var pool = Pool(20);
        var a = PaperDrawer.Draw("b", pool, Rules, 7).Paper!;
        var b = PaperDrawer.Draw("b", Enumerable.Reverse(pool), Rules, 7).Paper!;
        Assert.Equal(a.Items.Select(i => (i.QuestionId, string.Join(',', i.OptionOrder))), b.Items.Select(i => (i.QuestionId, string.Join(',', i.OptionOrder))));
        var c = PaperDrawer.Draw("b", pool, Rules, 8).Paper!;
        Assert.NotEqual(a.Items.Select(i => i.QuestionId), c.Items.Select(i => i.QuestionId));
    }

    [Fact]
    public void A_short_bank_names_the_rule_and_how_many_are_missing()
    {
        var outcome = PaperDrawer.Draw("b", Pool(4), [new(2, QuestionType.Single), new(9, QuestionType.Multiple, Difficulty: 1), new(1, QuestionType.Fill)], 1);
        Assert.Null(outcome.Paper);
        Assert.Equal([(2, 9, 1, 8), (3, 1, 0, 1)], outcome.Shortfalls.Select(s => (s.Rule, s.Wanted, s.Available, s.Short)));
        Assert.Contains("rule 2", outcome.Shortfalls[0].Message);
        Assert.Contains("8 short", outcome.Shortfalls[0].Message);
    }

    [Fact]
    public void Retired_questions_are_never_drawn()
    {
        var pool = Pool(3).Select(q => q.Type == QuestionType.Single ? q with { Retired = true } : q).ToList();
        Assert.Equal(3, PaperDrawer.Draw("b", pool, [new(3, QuestionType.Single)], 1).Shortfalls[0].Short);
    }

    [Fact]
    public void Property_papers_follow_their_rules_without_repeats()
    {
        // Index 5 of the type and 0 of difficulty and category mean "any".
        var rule = Gen.Select(Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 2])
            .Select((count, type, difficulty, category) => new BlueprintRule(count,
                type == 5 ? null : (QuestionType)type, difficulty == 0 ? null : difficulty, category switch { 1 => "健康", 2 => "双碳", _ => null }));
        Gen.Select(rule.Array[1, 4], Gen.Long, Gen.Int[0, 12]).Sample((rules, seed, perType) =>
        {
            var pool = Pool(perType);
            var outcome = PaperDrawer.Draw("b", pool, rules, seed);
            if (outcome.Paper is null)
            {
                return outcome.Shortfalls.Count > 0 && outcome.Shortfalls.All(s => s.Short > 0);
            }
            var byId = pool.ToDictionary(q => q.Id);
            var drawn = outcome.Paper.Items.Select(i => byId[i.QuestionId]).ToList();
            return drawn.Count == rules.Sum(r => r.Count)
                && drawn.Select(q => q.Id).Distinct().Count() == drawn.Count
                && rules.All(r => drawn.Count(r.Matches) >= r.Count)
                && outcome.Paper.Items.All(i => i.OptionOrder.Order().SequenceEqual(Enumerable.Range(0, byId[i.QuestionId].Options.Count)))
                && PaperDrawer.Draw("b", pool, rules, seed).Paper!.Items.SequenceEqual(outcome.Paper.Items, ItemComparer.Instance);
        });
    }

    private sealed class ItemComparer : IEqualityComparer<PaperItem>
    {
        public static readonly ItemComparer Instance = new();

        public bool Equals(PaperItem? x, PaperItem? y) => x!.QuestionId == y!.QuestionId && x.OptionOrder.SequenceEqual(y.OptionOrder);

        public int GetHashCode(PaperItem obj) => obj.QuestionId.GetHashCode(StringComparison.Ordinal);
    }
}
