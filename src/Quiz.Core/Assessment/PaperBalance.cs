using Quiz.Core.Banks;
using Quiz.Core.Common;

namespace Quiz.Core.Assessment;

/// <summary>
/// The assessment's blueprint, balanced so that every paper of one assessment has the same profile: the same number
/// of items of each subcategory (the category's second level, 科学知识/生命科学) in each difficulty band (易 1-2,
/// 中 3, 难 4-5), so neither what a paper covers nor how hard it is depends on the draw. Built from the bank the round
/// draws on, in two steps per dimension (20 items of 科学知识, 10 of each other), each by largest remainder:
/// <list type="number">
/// <item>the dimension's items over its subcategories, in proportion to the bank, but every subcategory at least one
/// item when the dimension has items enough, so every paper covers every subcategory;</item>
/// <item>each subcategory's items over the three bands, in proportion to the bank's items of that subcategory.</item>
/// </list>
/// A cell (subcategory x band) never asks for more items than it holds that exclude nothing in the bank, so a rule can
/// always be filled whatever the draw put on the paper before it. A thin bank pays for the balance: a cell of one item
/// that gets a share puts that item on every paper, a cell that gets none leaves its items off every paper. Items
/// filed directly under a dimension (no subcategory) are not drawn.
/// </summary>
public static class PaperBalance
{
    /// <summary>The difficulty bands, easiest first: 1-2, 3, 4-5.</summary>
    public static readonly IReadOnlyList<(string Name, int Min, int Max)> Bands = [("易", 1, 2), ("中", 3, 3), ("难", 4, 5)];

    /// <summary>The band a difficulty falls in.</summary>
    public static string BandOf(int difficulty) => Bands.FirstOrDefault(b => difficulty <= b.Max, Bands[^1]).Name;

    /// <summary>The first two levels of a category (科学知识/物理/力学 → 科学知识/物理), or null when it has no second.</summary>
    public static string? SubcategoryOf(string category) =>
        category.Split('/') is { Length: >= 2 } parts && parts[1].Length > 0 ? $"{parts[0]}/{parts[1]}" : null;

    /// <summary>The balanced blueprint for <paramref name="bank"/>, or blueprint_short naming the dimension it cannot fill.</summary>
    public static IReadOnlyList<BlueprintRule> For(IReadOnlyList<Question> bank)
    {
        var active = bank.Where(q => !q.Retired && SubcategoryOf(q.Category) is not null).ToList();
        var excluding = PaperDrawer.ExclusionsOf(bank).Keys.ToHashSet(StringComparer.Ordinal);
        var rules = new List<BlueprintRule>();
        foreach (var (dimension, points) in AssessmentDefaults.Split)
        {
            var items = (int)Math.Round(points / AssessmentDefaults.PointsPerItem);
            var inDimension = active.Where(q => q.Category.Split('/')[0] == dimension).ToList();
            // A cell's capacity: its items that exclude nothing, which no earlier pick can bar.
            var cells = inDimension.GroupBy(q => (Sub: SubcategoryOf(q.Category)!, Band: BandOf(q.Difficulty)))
                .ToDictionary(g => g.Key, g => (Size: g.Count(), Free: g.Count(q => q.Key is null || !excluding.Contains(q.Key))));
            var subcategories = cells.GroupBy(c => c.Key.Sub).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (Size: g.Sum(c => c.Value.Size), Free: g.Sum(c => c.Value.Free)));
            var free = subcategories.Values.Sum(s => s.Free);
            if (free < items)
            {
                throw new DomainException("blueprint_short",
                    $"The bank cannot fill a balanced assessment paper: {dimension} needs {items} items and has {free} that exclude no other question ({items - free} short).");
            }
            var perSubcategory = Apportion(items, subcategories, atLeastOne: true);
            foreach (var (subcategory, count) in perSubcategory.Where(s => s.Value > 0))
            {
                var bands = Bands.Where(b => cells.ContainsKey((subcategory, b.Name))).ToDictionary(b => b.Name, b => cells[(subcategory, b.Name)]);
                var perBand = Apportion(count, bands, atLeastOne: false);
                foreach (var band in Bands)
                {
                    if (perBand.GetValueOrDefault(band.Name) is var n and > 0)
                    {
                        rules.Add(new BlueprintRule(n, Category: subcategory, MinDifficulty: band.Min, MaxDifficulty: band.Max));
                    }
                }
            }
        }
        return rules;
    }

    /// <summary>
    /// <paramref name="total"/> over the keys in proportion to their sizes by largest remainder (ties to the first key),
    /// none above its free items; with <paramref name="atLeastOne"/>, every key with a free item gets one first when
    /// there are enough to go round.
    /// </summary>
    private static Dictionary<string, int> Apportion(int total, IReadOnlyDictionary<string, (int Size, int Free)> keys, bool atLeastOne)
    {
        var size = keys.Values.Sum(k => k.Size);
        var quota = keys.ToDictionary(k => k.Key, k => (double)total * k.Value.Size / size);
        var floor = atLeastOne && keys.Count(k => k.Value.Free > 0) <= total ? 1 : 0;
        var given = keys.ToDictionary(k => k.Key, k => Math.Min(k.Value.Free, Math.Max(floor, (int)Math.Floor(quota[k.Key]))));
        var order = keys.Keys.ToList(); // in the caller's order, so ties go the same way every time
        while (given.Values.Sum() > total)
        {
            var most = order.Where(k => given[k] > floor).MaxBy(k => given[k] - quota[k])!;
            given[most]--;
        }
        while (given.Values.Sum() < total)
        {
            var owed = order.Where(k => given[k] < keys[k].Free).MaxBy(k => quota[k] - given[k])!;
            given[owed]++;
        }
        return given;
    }
}
