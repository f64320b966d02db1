using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Contracts.Banks;

namespace Quiz.Server.Tests.Banks;

/// <summary>The organizer's side of the bank API, as a test uses it.</summary>
internal static class BankClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<BankDto> CreateBankAsync(this HttpClient http, string name)
    {
        var response = await http.PostAsJsonAsync("/api/banks", new BankNameInput(name));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BankDto>(Json))!;
    }

    public static async Task<(HttpResponseMessage Response, ImportReportDto Report)> ImportAsync(this HttpClient http, string bankId,
        byte[] content, string fileName, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        var response = await http.PostAsync($"/api/banks/{bankId}/import?dryRun={dryRun}", form);
        var report = (await response.Content.ReadFromJsonAsync<ImportReportDto>(Json))!;
        return (response, report);
    }

    public static async Task<QuestionPageDto> SearchAsync(this HttpClient http, string bankId, string query = "") =>
        (await http.GetFromJsonAsync<QuestionPageDto>($"/api/banks/{bankId}/questions?{query}", Json))!;

    public static Dictionary<string, string?> NoSample() => new() { ["Quiz:SampleBank:Enabled"] = "false" };
}
