namespace Quiz.Core.Banks;

/// <summary>
/// Draws a paper from a pool by rules, deterministically from a seed: the pool is put in id order first, so the
/// same seed and the same questions give the same paper whatever order the store returned them in.
/// Rules are served in order and a question serves at most one rule (no repeats).
/// </summary>
public static class PaperDrawer
{
    public static DrawOutcome Draw(string bankId, IEnumerable<Question> pool, IReadOnlyList<BlueprintRule> rules, long seed)
    {
        var random = new SeededRandom(seed);
        var available = pool.Where(q => !q.Retired).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        var used = new HashSet<string>();
        var drawn = new List<Question>();
        var shortfalls = new List<Shortfall>();
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var candidates = available.Where(q => !used.Contains(q.Id) && rule.Matches(q)).ToList();
            if (candidates.Count < rule.Count)
            {
                shortfalls.Add(new Shortfall(r + 1, rule.Count, candidates.Count,
                    $"rule {r + 1} ({rule.Describe()}): the bank has {candidates.Count} such questions"
                    + (r > 0 ? " not taken by earlier rules" : "") + $", {rule.Count - candidates.Count} short"));
                continue;
            }
            random.Shuffle(candidates);
            foreach (var q in candidates.Take(rule.Count))
            {
                used.Add(q.Id);
                drawn.Add(q);
            }
        }
        if (shortfalls.Count > 0)
        {
            return new DrawOutcome(null, shortfalls);
        }
        random.Shuffle(drawn);
        var items = drawn.Select(q => new PaperItem(q.Id, q.Version, OptionOrder(q, random))).ToList();
        return new DrawOutcome(new Paper(bankId, seed, items), []);
    }

    // True/false keeps 正确 before 错误, as people expect; every other choice list is shown shuffled.
    private static int[] OptionOrder(Question q, SeededRandom random)
    {
        var order = Enumerable.Range(0, q.Options.Count).ToArray();
        if (q.Type != QuestionType.TrueFalse)
        {
            random.Shuffle(order);
        }
        return order;
    }
}
