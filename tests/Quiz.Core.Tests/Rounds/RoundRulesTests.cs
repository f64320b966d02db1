using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Rounds;
using Quiz.Core.Tests.Banks;

namespace Quiz.Core.Tests.Rounds;

/// <summary>The pure rules of online rounds: deadlines, scoring and timing of an attempt, ranking, group boards, response shapes.</summary>
public sealed class RoundRulesTests
{
    private static readonly DateTimeOffset Opens = new(2026, 5, 1, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Question[] Pool =
    [
        Samples.Make("a", QuestionType.Single, "单选", ["甲", "乙", "丙"], AnswerKey.Choice(1), "科学知识/物理", [], 2),
        Samples.Make("b", QuestionType.Multiple, "多选", ["甲", "乙", "丙"], AnswerKey.Choice(0, 2), "科学方法", [], 3),
        Samples.Make("c", QuestionType.Fill, "填空", [], AnswerKey.Texts("光合作用"), "科学知识", [], 1),
        Samples.Make("d", QuestionType.Ordering, "排序", ["一", "二", "三"], AnswerKey.Choice(2, 0, 1), "科学方法", [], 4),
        Samples.Make("e", QuestionType.TrueFalse, "判断", Question.TrueFalseOptions, AnswerKey.Choice(0), "科学精神", [], 1),
    ];

    private static RoundSetup Setup(int minMs = 1500) => new(new ContestDefinition
    {
        Id = "c1",
        Title = "测试",
        Rounds = [new ContestRound("网络答题", new RoundRules())],
        Questions = [.. Pool.Select((q, i) => new ContestQuestion(i, 0, q, [], ""))],
        HostKeyHash = "",
        Online = new OnlineRound
        {
            OpensAt = Opens, ClosesAt = Opens.AddHours(2), TimeLimitSeconds = 600, BankId = "b", Blueprint = [new BlueprintRule(5)],
            PaperSalt = "salt", MinMsPerAnswer = minMs,
        },
    });

    [Fact]
    public void The_deadline_is_the_earlier_of_start_plus_limit_and_the_close()
    {
        var round = Setup().Round;
        Assert.Equal(round.OpensAtMs + 600_000, round.DeadlineFor(round.OpensAtMs));
        Assert.Equal(round.ClosesAtMs, round.DeadlineFor(round.ClosesAtMs - 60_000));
        Assert.Equal(("upcoming", "open", "closed"), (round.Status(round.OpensAtMs - 1), round.Status(round.OpensAtMs), round.Status(round.ClosesAtMs)));
        Assert.False(round.Released(round.ClosesAtMs - 1));
        Assert.True(round.Released(round.ClosesAtMs));
    }

    [Fact]
    public void Papers_differ_between_people_and_repeat_for_one_person()
    {
        var setup = Setup();
        var one = RoundPapers.Draw(setup, "p1");
        static string Text(Paper p) => string.Join(';', p.Items.Select(i => $"{i.QuestionId}:{string.Join(',', i.OptionOrder)}"));
        Assert.Equal(Text(one), Text(RoundPapers.Draw(setup, "p1")));
        Assert.Equal(5, one.Items.Select(i => i.QuestionId).Distinct().Count());
        var orders = Enumerable.Range(0, 20).Select(i => string.Join(',', RoundPapers.Draw(setup, $"p{i}").Items.Select(x => x.QuestionId))).ToHashSet();
        Assert.True(orders.Count > 10, $"only {orders.Count} different orders in 20 papers");
    }

    [Fact]
    public void Scoring_grades_each_item_times_it_from_the_previous_save_and_flags_impossible_speed()
    {
        var setup = Setup();
        var attempt = new Attempt("p1", 1, 1_000, 601_000, [.. Pool.Select(q => new PaperItem(q.Id, 1, []))]);
        var sheet = new AnswerSheet(new Dictionary<int, SavedAnswer>
        {
            [0] = new(0, [1], null, 11_000, 11_000),          // right, 10 s after the start
            [1] = new(1, [0], null, 11_500, 30_000),          // 少选: wrong without partial credit, 0.5 s after the last
            [2] = new(2, [], " 光合作用 ", 11_800, 11_800),   // right, 0.3 s
            [3] = new(3, [2, 0, 1], null, 40_000, 40_000),   // right
        }, 4);
        var result = AttemptScoring.Score(setup, attempt, sheet, 50_000, automatic: false);
        Assert.Equal((30.0, 50.0, 4, 3, 49_000L), (result.Score, result.MaxScore, result.Answered, result.Correct, result.TimeUsedMs));
        Assert.Equal([10_000L, 500, 300, 28_200, 0], result.Items.Select(i => i.TimeMs));
        Assert.Equal(2, result.FastAnswers);
        Assert.Null(result.Pattern); // four answers are too few to call two vectors alike

        var notice = AttemptScoring.Notification(setup, "c1", result);
        Assert.Equal(20, notice.ScoreByCategory["科学知识"]); // 科学知识/物理 counts under 科学知识
        Assert.Equal(20, notice.MaxByCategory["科学知识"]);
        Assert.Equal((10.0, 20.0), (notice.ScoreByCategory["科学方法"], notice.MaxByCategory["科学方法"]));
        Assert.Equal(0, notice.ScoreByCategory["科学精神"]);
    }

    [Fact]
    public void The_same_answers_to_the_same_questions_give_the_same_pattern_whatever_the_paper_order_and_all_right_gives_none()
    {
        var setup = Setup();
        AttemptResult Take(IEnumerable<Question> order, Func<Question, (int[] Options, string? Text)> answer)
        {
            var items = order.ToList();
            var attempt = new Attempt("p", 1, 0, 600_000, [.. items.Select(q => new PaperItem(q.Id, 1, []))]);
            var answers = items.Select((q, i) => (i, a: answer(q))).ToDictionary(x => x.i, x => new SavedAnswer(x.i, x.a.Options, x.a.Text, 10_000 * (x.i + 1), 0));
            return AttemptScoring.Score(setup, attempt, new AnswerSheet(answers, 1), 100_000, false);
        }
        (int[], string?) Wrong(Question q) => q.Type == QuestionType.Fill ? ([], "不知道") : q.Type == QuestionType.Ordering ? ([0, 1, 2], null) : ([q.Answer.Options[0] == 0 ? 1 : 0], null);
        (int[], string?) Right(Question q) => q.Type == QuestionType.Fill ? ([], "光合作用") : ([.. q.Answer.Options], null);
        var a = Take(Pool, Wrong);
        var b = Take(Pool.Reverse(), Wrong);
        Assert.Equal(a.Pattern, b.Pattern);
        Assert.NotEqual(a.Pattern, Take(Pool, q => q.Key == "a" ? Right(q) : Wrong(q)).Pattern);
        Assert.Null(Take(Pool, Right).Pattern);
    }

    [Fact]
    public void Ranking_goes_by_score_then_time_used_exact_ties_share_a_rank_and_groups_count_everyone_registered()
    {
        static AttemptResult R(string id, double score, long started, long submitted) => new(id, score, 50, started, submitted, false, 5, 0, 0, null, []);
        var results = new[] { R("slow", 40, 0, 90_000), R("fast", 40, 10_000, 60_000), R("tie-late", 40, 20_000, 70_000), R("low", 10, 0, 5_000) };
        var people = new Dictionary<string, Participant>
        {
            ["slow"] = new("slow", "慢", null, "甲单位", "西湖区"),
            ["fast"] = new("fast", "快", null, "甲单位", "西湖区"),
            ["tie-late"] = new("tie-late", "同", null, "乙单位", "滨江区"),
            ["low"] = new("low", "低", null, "乙单位", "滨江区"),
            ["absent"] = new("absent", "缺", null, "乙单位", "滨江区"),
        };
        var signals = new RoundSignals(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyDictionary<string, long>>(), results);
        var tally = RoundTally.Build(Setup().Contest, results, people, signals, results.Length);
        Assert.Equal(["fast", "tie-late", "slow", "low"], tally.People.Select(p => p.ParticipantId)); // level: listed by id
        Assert.Equal([1, 1, 3, 4], tally.People.Select(p => p.Rank));
        var second = tally.Units.Single(u => u.Group == "乙单位");
        Assert.Equal((3, 2, 50.0, 16.67, 25.0, 0.6667), (second.Registered, second.TookPart, second.Total, second.MeanPerHead, second.MeanPerTaker, second.Participation));
        Assert.Equal(["甲单位", "乙单位"], tally.Units.Select(u => u.Group)); // mean per head, not the total, decides
    }

    [Theory]
    [InlineData("a", new[] { 1 }, null, true)]
    [InlineData("a", new[] { 1, 2 }, null, false)]
    [InlineData("a", new[] { 3 }, null, false)]
    [InlineData("a", new int[0], null, false)]
    [InlineData("b", new[] { 0, 2 }, null, true)]
    [InlineData("b", new[] { 0, 0 }, null, false)]
    [InlineData("c", new int[0], "答案", true)]
    [InlineData("c", new int[0], "  ", false)]
    [InlineData("c", new[] { 0 }, "答案", false)]
    [InlineData("d", new[] { 2, 0, 1 }, null, true)]
    [InlineData("d", new[] { 2, 0 }, null, false)]
    [InlineData("e", new[] { 0 }, "正确", false)]
    public void A_response_must_fit_its_question(string id, int[] options, string? text, bool fits)
    {
        Assert.Equal(fits, ResponseShape.Problem(Pool.Single(q => q.Key == id), options, text) is null);
    }
}
