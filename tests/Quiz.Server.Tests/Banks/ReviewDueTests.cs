using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quiz.Contracts.Banks;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Banks;

/// <summary>
/// Excluded questions and review-by dates through the API: imported, shown, edited, refused with their field named,
/// and the questions due for review listed by the search (the admin's 到期待复核) on the server's clock.
/// </summary>
public sealed class ReviewDueTests
{
    private static string Sheet(DateOnly tomorrow) => $"""
        编号,题型,题干,答案,互斥题,复核日期
        food-003,判断,新标签标准生效前后说法都成立。,对,food-004|food-016,{tomorrow:yyyy-MM-dd}
        food-004,判断,另一道与标签标准有关的题。,对,,{tomorrow.AddDays(20):yyyy/M/d}
        food-005,判断,与日期无关的题。,错,,
        """;

    [Fact]
    public async Task Questions_whose_review_date_has_come_are_listed_from_that_day_on()
    {
        // The server's clock starts now (tokens are checked against the real one) and is moved to Hangzhou's next midnight.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new QuizServer(nameof(ReviewDueTests), BankClient.NoSample(), s => s.AddSingleton<TimeProvider>(clock));
        using var http = server.CreateHttpClient();
        var bank = await http.CreateBankAsync("食品标签");
        var tomorrow = Quiz.Core.Banks.ReviewDates.Today(clock).AddDays(1);
        var (response, report) = await http.ImportAsync(bank.Id, Encoding.UTF8.GetBytes(Sheet(tomorrow).Replace("\n", "\r\n", StringComparison.Ordinal)), "标签.csv");
        Assert.True(response.IsSuccessStatusCode, string.Join("; ", report.Errors.Select(e => e.Message)));

        var all = await http.SearchAsync(bank.Id);
        var first = all.Items.Single(q => q.Key == "food-003");
        Assert.Equal(["food-004", "food-016"], first.Excludes);
        Assert.Equal(tomorrow, first.ReviewBy);
        Assert.Equal(0, (await http.SearchAsync(bank.Id, "reviewDue=true")).Total);

        clock.SetUtcNow(new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));
        Assert.Equal(["food-003"], (await http.SearchAsync(bank.Id, "reviewDue=true")).Items.Select(q => q.Key));
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(["food-003", "food-004"], (await http.SearchAsync(bank.Id, "reviewDue=true")).Items.Select(q => q.Key));

        // Checked and moved on: no longer due; the other filters still apply.
        var input = new QuestionInput { Key = "food-003", Type = "truefalse", Stem = first.Stem, Answer = "正确", Excludes = ["food-004"], ReviewBy = "2099-03-16" };
        var edited = await (await http.PutAsJsonAsync($"/api/banks/{bank.Id}/questions/{first.Id}", input)).Content.ReadFromJsonAsync<QuestionDto>(BankClient.Json);
        Assert.Equal((2, new DateOnly(2099, 3, 16)), (edited!.Version, edited.ReviewBy));
        Assert.Equal(["food-004"], edited.Excludes);
        Assert.Equal(["food-004"], (await http.SearchAsync(bank.Id, "reviewDue=true")).Items.Select(q => q.Key));
        Assert.Equal(0, (await http.SearchAsync(bank.Id, "reviewDue=true&text=新标签")).Total);

        // The export carries both, so a round trip keeps them.
        var csv = Encoding.UTF8.GetString(await http.GetByteArrayAsync($"/api/banks/{bank.Id}/export?format=csv"));
        Assert.Contains("互斥题,复核日期", csv, StringComparison.Ordinal);
        Assert.Contains("food-004,2099-03-16", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_or_a_self_exclusion_is_refused_with_its_field_and_code()
    {
        await using var server = new QuizServer(nameof(ReviewDueTests) + "-bad", BankClient.NoSample());
        using var http = server.CreateHttpClient();
        var bank = await http.CreateBankAsync("坏输入");
        var input = new QuestionInput { Key = "k1", Type = "判断", Stem = "题干", Answer = "对", Excludes = ["k1"], ReviewBy = "明年三月" };
        var response = await http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"field\":\"excludes\"", body, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"exclude.self\"", body, StringComparison.Ordinal);
        Assert.Contains("\"field\":\"reviewBy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"review.invalid\"", body, StringComparison.Ordinal);
        Assert.Equal(0, (await http.SearchAsync(bank.Id)).Total);
    }
}
