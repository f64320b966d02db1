using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
using Quiz.Core.Features.Assessment;
using Quiz.Core.Features.Banks;
using Quiz.Server.Hosting;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Banks;

public sealed class SampleBankTests
{
    [Fact]
    public void Every_shipped_sample_file_imports_without_an_error()
    {
        var files = SampleBank.Files().ToList();
        Assert.NotEmpty(files);
        var keys = new HashSet<string>();
        foreach (var (name, content) in files)
        {
            var expected = JsonDocument.Parse(content).RootElement.GetProperty("questions").GetArrayLength();
            var (questions, errors) = ImportPlan.Check(BankFiles.Read(BankFormat.Json, content));
            Assert.True(errors.Count == 0, $"{name}: " + string.Join("; ", errors.Take(10).Select(e => $"question {e.Row} {e.Column}: {e.Message}")));
            Assert.Equal(expected, questions.Count);
            Assert.All(questions, q => Assert.True(keys.Add(q.Key!), $"{name}: key {q.Key} is used by another sample file"));
        }
        Assert.True(keys.Count >= 560, $"the sample bank has {keys.Count} questions; issues asked for at least 300, then 240 more");
        Assert.True(files.Count >= 25, "one file per category: the first 10 and the 15 themes of the plan added after");
    }

    [Fact]
    public async Task A_new_store_gets_the_sample_bank_once_and_lists_its_date_bound_questions_when_due()
    {
        // The server's clock starts now (tokens are checked against the real one) and is then moved past every review date.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = new QuizServer(nameof(SampleBankTests), services: s => s.AddSingleton<TimeProvider>(clock));
        using var http = server.CreateHttpClient();
        var expected = SampleBank.Files().Sum(f => JsonDocument.Parse(f.Content).RootElement.GetProperty("questions").GetArrayLength());
        await ShippedBanks.WaitAsync(server); // the import's own marker: up to a minute while other servers import too
        var banks = (await http.GetFromJsonAsync<BankDto[]>("/api/banks", BankClient.Json))!;
        var bank = banks.Single(b => b.Name == SampleBank.BankName);
        Assert.Equal((SampleBank.BankName, expected), (bank.Name, bank.QuestionCount));
        var ordering = await http.SearchAsync(bank.Id, "type=ordering&pageSize=1");
        Assert.True(ordering.Total > 0);

        // Every shipped question with a review-by date is listed by the due query from that date on, and no other.
        var shipped = new[] { (bank.Id, SampleBank.Files()), (banks.Single(b => b.Name == CreateAssessment.ShippedBankName).Id, SampleBank.AssessmentFiles()) };
        var dated = shipped.SelectMany(s => DatedQuestions(s.Item2).Select(d => (Bank: s.Item1, d.Key, d.ReviewBy))).ToList();
        Assert.NotEmpty(dated);
        foreach (var moment in new[] { clock.GetUtcNow(), new DateTimeOffset(dated.Max(d => d.ReviewBy).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)) })
        {
            clock.SetUtcNow(moment);
            var today = ReviewDates.Today(clock);
            foreach (var bankId in shipped.Select(s => s.Item1))
            {
                var due = await http.SearchAsync(bankId, $"reviewDue=true&pageSize={SearchQuestions.MaxPageSize}");
                Assert.Equal(dated.Where(d => d.Bank == bankId && d.ReviewBy <= today).Select(d => d.Key).Order(), due.Items.Select(q => q.Key).Order());
            }
        }
    }

    private static IEnumerable<(string? Key, DateOnly ReviewBy)> DatedQuestions(IEnumerable<(string Name, byte[] Content)> files) =>
        files.SelectMany(f => ImportPlan.Check(BankFiles.Read(BankFormat.Json, f.Content)).Questions)
            .Where(q => q.ReviewBy is not null).Select(q => (q.Key, q.ReviewBy!.Value));
}
