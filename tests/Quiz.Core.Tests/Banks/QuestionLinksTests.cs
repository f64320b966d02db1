using System.Text;
using Microsoft.Extensions.Time.Testing;
using MiniExcelLibs;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;

namespace Quiz.Core.Tests.Banks;

/// <summary>Excluded questions (互斥题) and review-by dates (复核日期): what a draft may say and when a date is due.</summary>
public sealed class QuestionLinksTests
{
    private static readonly QuestionDraft Valid = new() { Key = "food-003", Type = "判断", Stem = "题干", Answer = "对" };

    private static (Question? Question, List<DraftError> Errors) Check(QuestionDraft draft)
    {
        var errors = new List<DraftError>();
        return (QuestionRules.Check(draft, errors), errors);
    }

    [Fact]
    public void Excluded_keys_are_trimmed_and_kept_once()
    {
        var (q, errors) = Check(Valid with { Excludes = [" food-004 ", "food-016", "food-004", ""] });
        Assert.Empty(errors);
        Assert.Equal(["food-004", "food-016"], q!.Excludes);
    }

    [Fact]
    public void A_question_cannot_exclude_itself()
    {
        var (q, errors) = Check(Valid with { Excludes = ["food-004", " food-003"] });
        Assert.Null(q);
        var error = Assert.Single(errors);
        Assert.Equal((DraftField.Excludes, "exclude.self", "food-003"), (error.Field, error.Reason.Code, error.Reason.Args["key"]));
    }

    [Fact]
    public void At_most_twenty_excluded_questions()
    {
        var (_, errors) = Check(Valid with { Excludes = [.. Enumerable.Range(1, QuestionRules.MaxExcludes + 1).Select(i => $"k{i}")] });
        var error = Assert.Single(errors);
        Assert.Equal(("excludes.count", "21"), (error.Reason.Code, error.Reason.Args["count"]));
        Assert.Empty(Check(Valid with { Excludes = [.. Enumerable.Range(1, QuestionRules.MaxExcludes).Select(i => $"k{i}")] }).Errors);
    }

    [Theory]
    [InlineData("a|b")]
    [InlineData("a,b")]
    public void A_key_a_sheet_could_not_hold_is_refused(string key)
    {
        var error = Assert.Single(Check(Valid with { Excludes = [key] }).Errors);
        Assert.Equal(("exclude.invalid", key), (error.Reason.Code, error.Reason.Args["key"]));
    }

    [Fact]
    public void An_overlong_key_is_refused() =>
        Assert.Equal("exclude.invalid", Assert.Single(Check(Valid with { Excludes = [new string('k', QuestionRules.MaxShort + 1)] }).Errors).Reason.Code);

    [Theory]
    [InlineData("2027-03-16")]
    [InlineData("2027-3-16")]
    [InlineData(" 2027/03/16 ")]
    [InlineData("2027.3.16")]
    [InlineData("2027年3月16日")]
    [InlineData("２０２７－０３－１６")]
    public void Review_by_dates_are_read_as_people_write_them(string text)
    {
        var (q, errors) = Check(Valid with { ReviewBy = text });
        Assert.Empty(errors);
        Assert.Equal(new DateOnly(2027, 3, 16), q!.ReviewBy);
    }

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("16/03/2027")]
    [InlineData("明年")]
    [InlineData("20270316")]
    public void A_review_by_that_is_no_date_is_refused_with_the_value(string text)
    {
        var (q, errors) = Check(Valid with { ReviewBy = text });
        Assert.Null(q);
        var error = Assert.Single(errors);
        Assert.Equal((DraftField.ReviewBy, "review.invalid", text), (error.Field, error.Reason.Code, error.Reason.Args["value"]));
    }

    [Fact]
    public void No_review_by_date_is_none()
    {
        Assert.Null(Check(Valid with { ReviewBy = "  " }).Question!.ReviewBy);
        Assert.Null(Check(Valid).Question!.ReviewBy);
    }

    [Fact]
    public void Today_is_the_date_in_china_and_a_question_is_due_on_its_date_and_after()
    {
        // 16:00 UTC on the 15th is midnight in Hangzhou: the 16th has begun there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 15, 15, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2027, 3, 15), ReviewDates.Today(clock));
        clock.Advance(TimeSpan.FromSeconds(1));
        var today = ReviewDates.Today(clock);
        Assert.Equal(new DateOnly(2027, 3, 16), today);
        var question = Check(Valid with { ReviewBy = "2027-03-16" }).Question!;
        Assert.True(ReviewDates.IsDue(question, today));
        Assert.True(ReviewDates.IsDue(question, today.AddDays(30)));
        Assert.False(ReviewDates.IsDue(question, today.AddDays(-1)));
        Assert.False(ReviewDates.IsDue(question with { ReviewBy = null }, today));
    }

    [Fact]
    public void A_sheet_separates_excluded_keys_with_bars_or_commas()
    {
        var csv = "编号,题型,题干,答案,互斥题,复核日期\r\nk1,判断,题干,对,\"k2| k3 ,k4\",2027/3/16\r\n";
        var question = Assert.Single(Read(BankFormat.Csv, Encoding.UTF8.GetBytes(csv)));
        Assert.Equal(["k2", "k3", "k4"], question.Excludes);
        Assert.Equal(new DateOnly(2027, 3, 16), question.ReviewBy);
    }

    [Fact]
    public void A_date_cell_in_a_workbook_is_a_review_by_date()
    {
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, new[] { new Dictionary<string, object> { ["题型"] = "判断", ["题干"] = "题干", ["答案"] = "对", ["复核日期"] = new DateTime(2027, 3, 16) } });
        Assert.Equal(new DateOnly(2027, 3, 16), Assert.Single(Read(BankFormat.Xlsx, stream.ToArray())).ReviewBy);
    }

    [Fact]
    public void Json_takes_excluded_keys_as_a_list_or_one_text()
    {
        var json = """
            [{ "key": "k1", "type": "判断", "stem": "一", "answer": "对", "excludes": ["k2", "k3"], "reviewBy": "2027-03-16" },
             { "key": "k2", "type": "判断", "stem": "二", "answer": "对", "excludes": "k1|k3" }]
            """;
        var read = Read(BankFormat.Json, Encoding.UTF8.GetBytes(json));
        Assert.Equal(["k2", "k3"], read[0].Excludes);
        Assert.Equal(["k1", "k3"], read[1].Excludes);
        Assert.Equal((new DateOnly(2027, 3, 16), null), (read[0].ReviewBy, read[1].ReviewBy));
    }

    [Fact]
    public void Gift_carries_them_in_its_quiz_comment()
    {
        var gift = "// quiz: {\"excludes\":[\"k2\"],\"reviewBy\":\"2027-03-16\"}\n::k1::题干 {T}\n";
        var question = Assert.Single(Read(BankFormat.Gift, Encoding.UTF8.GetBytes(gift)));
        Assert.Equal(["k2"], question.Excludes);
        Assert.Equal(new DateOnly(2027, 3, 16), question.ReviewBy);
    }

    [Fact]
    public void A_bad_date_in_a_sheet_is_reported_in_its_column()
    {
        var csv = "编号,题型,题干,答案,复核日期\r\nk1,判断,题干,对,下个月\r\n";
        var error = Assert.Single(ImportPlan.Check(BankFiles.Read(BankFormat.Csv, Encoding.UTF8.GetBytes(csv))).Errors);
        Assert.Equal((2, "复核日期", "reviewBy"), (error.Row, error.Column, error.Field));
    }

    private static IReadOnlyList<Question> Read(BankFormat format, byte[] bytes)
    {
        var (questions, errors) = ImportPlan.Check(BankFiles.Read(format, bytes));
        Assert.Empty(errors);
        return questions;
    }
}
