namespace Quiz.Core.Banks;

/// <summary>
/// Draws a paper from a pool by rules, deterministically from a seed: the pool is put in id order first, so the
/// same seed and the same questions give the same paper whatever order the store returned them in.
/// Rules are served in order and a question serves at most one rule (no repeats). Two questions one of which
/// excludes the other (<see cref="Question.Excludes"/>, by organizer key, either way round) never share a paper: a
/// candidate a question already drawn excludes is passed over. Taking the first fitting candidates can corner a later
/// rule that another order would have filled, so a draw that falls short only through exclusions is tried again, up to
/// <see cref="Attempts"/> times, with the random stream running on (still reproducible from the seed).
/// </summary>
public static class PaperDrawer
{
    public const int Attempts = 20;

    public static DrawOutcome Draw(string bankId, IEnumerable<Question> pool, IReadOnlyList<BlueprintRule> rules, long seed)
    {
        var random = new SeededRandom(seed);
        var available = pool.Where(q => !q.Retired).OrderBy(q => q.Id, StringComparer.Ordinal).ToList();
        var exclusions = ExclusionsOf(available);
        var outcome = TryDraw(bankId, available, rules, exclusions, random, seed);
        for (var attempt = 1; attempt < Attempts && outcome.Shortfalls.Any(s => s.Excluded > 0); attempt++)
        {
            outcome = TryDraw(bankId, available, rules, exclusions, random, seed);
        }
        return outcome;
    }

    /// <summary>Each organizer key to the keys it may not share a paper with, both ways round.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> ExclusionsOf(IEnumerable<Question> questions)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var q in questions)
        {
            if (q.Key is not { } key)
            {
                continue;
            }
            foreach (var other in q.Excludes.Where(o => o != key))
            {
                Partners(map, key).Add(other);
                Partners(map, other).Add(key);
            }
        }
        return map;
    }

    private static HashSet<string> Partners(Dictionary<string, HashSet<string>> map, string key)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = new HashSet<string>(StringComparer.Ordinal);
        }
        return set;
    }

    private static DrawOutcome TryDraw(string bankId, List<Question> available, IReadOnlyList<BlueprintRule> rules,
        IReadOnlyDictionary<string, HashSet<string>> exclusions, SeededRandom random, long seed)
    {
        var used = new HashSet<string>();
        var barred = new HashSet<string>(StringComparer.Ordinal); // keys a question on the paper excludes
        var drawn = new List<Question>();
        var shortfalls = new List<Shortfall>();
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            var candidates = available.Where(q => !used.Contains(q.Id) && rule.Matches(q)).ToList();
            if (candidates.Count < rule.Count)
            {
                shortfalls.Add(Short(r, rule, candidates.Count, 0));
                continue;
            }
            random.Shuffle(candidates);
            var taken = 0;
            var excluded = 0;
            foreach (var q in candidates)
            {
                if (taken == rule.Count)
                {
                    break;
                }
                if (q.Key is { } key && barred.Contains(key))
                {
                    excluded++;
                    continue;
                }
                used.Add(q.Id);
                drawn.Add(q);
                taken++;
                if (q.Key is { } own && exclusions.TryGetValue(own, out var partners))
                {
                    barred.UnionWith(partners);
                }
            }
            if (taken < rule.Count)
            {
                shortfalls.Add(Short(r, rule, candidates.Count, excluded));
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

    private static Shortfall Short(int r, BlueprintRule rule, int have, int excluded)
    {
        var usable = have - excluded;
        return new Shortfall(r + 1, rule.Count, usable,
            $"rule {r + 1} ({rule.Describe()}): the bank has {have} such questions" + (r > 0 ? " not taken by earlier rules" : "")
            + (excluded > 0 ? $", {excluded} of them excluded by questions already on the paper (Excludes)" : "") + $", {rule.Count - usable} short",
            excluded);
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
