using System.Net.Http.Json;
using Quiz.Contracts.Banks;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Banks;

/// <summary>A bank created through the API is still there after the embedded store's server restarts.</summary>
public sealed class BankRestartTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "quiz-banks-restart", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_bank_survives_a_restart_of_the_embedded_store()
    {
        var settings = BankClient.NoSample();
        settings["ConnectionStrings:Redis"] = "";
        settings["Quiz:Redis:EmbeddedDataDir"] = _dataDir;
        settings["Quiz:Redis:KeyPrefix"] = TestRedis.NewPrefix(nameof(BankRestartTests));
        BankDto bank;
        await using (var first = new QuizServer(nameof(BankRestartTests), settings))
        {
            using var http = first.CreateHttpClient();
            bank = await http.CreateBankAsync("重启之后");
            (await http.PostAsJsonAsync($"/api/banks/{bank.Id}/questions",
                new QuestionInput { Type = "判断", Stem = "重启后题目仍在。", Answer = "正确" })).EnsureSuccessStatusCode();
        }
        await using var second = new QuizServer(nameof(BankRestartTests), settings);
        using var again = second.CreateHttpClient();
        var read = await again.GetFromJsonAsync<BankDto>($"/api/banks/{bank.Id}", BankClient.Json);
        Assert.Equal(("重启之后", 1), (read!.Name, read.QuestionCount));
        Assert.Equal("正确", Assert.Single((await again.SearchAsync(bank.Id)).Items).Answer);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
