using Quiz.Core.Banks;

namespace Quiz.Core.Tests.Banks;

public sealed class ImportPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static int _ids;

    private static BankContents BankOf(params Question[] questions) =>
        new(new Bank("b", "bank", questions.Length, Now, Now), 1, questions);

    private static string NewId() => "new" + Interlocked.Increment(ref _ids);

    [Fact]
    public void Same_file_twice_adds_nothing_the_second_time()
    {
        var first = ImportPlan.Against(BankOf(), Samples.AllTypes(), Now, NewId);
        Assert.Equal((5, 0, 0), (first.Added, first.Updated, first.Unchanged));
        var again = ImportPlan.Against(BankOf([.. first.Upserts]), Samples.AllTypes(), Now, NewId);
        Assert.Equal((0, 0, 5), (again.Added, again.Updated, again.Unchanged));
        Assert.Empty(again.Upserts);
    }

    [Fact]
    public void A_changed_question_keeps_its_id_and_goes_up_a_version()
    {
        var stored = Samples.AllTypes()[0] with { Id = "q1", Version = 4 };
        var plan = ImportPlan.Against(BankOf(stored), [stored with { Id = "", Explanation = "新解析" }], Now, NewId);
        var updated = Assert.Single(plan.Upserts);
        Assert.Equal(("q1", 5, "新解析"), (updated.Id, updated.Version, updated.Explanation));
        Assert.Equal(1, plan.Updated);
    }

    [Fact]
    public void Without_a_key_questions_match_by_type_stem_and_options()
    {
        var stored = Samples.AllTypes()[0] with { Id = "q1" };
        var incoming = stored with { Id = "", Key = null, Difficulty = 5 };
        var plan = ImportPlan.Against(BankOf(stored), [incoming], Now, NewId);
        var updated = Assert.Single(plan.Upserts);
        Assert.Equal(("q1", "s1", 5), (updated.Id, updated.Key, updated.Difficulty));
        var other = ImportPlan.Against(BankOf(stored), [incoming with { Stem = "另一道题" }], Now, NewId);
        Assert.Equal(1, other.Added);
    }
}
