using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Contracts.Banks;
using Quiz.Core.Banks;
using Quiz.Core.Banks.Formats;
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
        Assert.True(keys.Count >= 300, $"the sample bank has {keys.Count} questions; the issue asks for at least 300");
        Assert.True(files.Count >= 8, "at least 8 categories of the action plan");
    }

    [Fact]
    public async Task A_new_store_gets_the_sample_bank_once()
    {
        await using var server = new QuizServer(nameof(SampleBankTests));
        using var http = server.CreateHttpClient();
        var expected = SampleBank.Files().Sum(f => JsonDocument.Parse(f.Content).RootElement.GetProperty("questions").GetArrayLength());
        await ShippedBanks.WaitAsync(server); // the import's own marker: up to a minute while other servers import too
        var bank = (await http.GetFromJsonAsync<BankDto[]>("/api/banks", BankClient.Json))!.Single(b => b.Name == SampleBank.BankName);
        Assert.Equal((SampleBank.BankName, expected), (bank.Name, bank.QuestionCount));
        var ordering = await http.SearchAsync(bank.Id, "type=ordering&pageSize=1");
        Assert.True(ordering.Total > 0);
    }
}
