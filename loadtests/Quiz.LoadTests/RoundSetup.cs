using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Quiz.LoadTests;

/// <summary>What an organizer does before and after an online round, over the API.</summary>
internal static class Setup
{
    /// <summary>Banks and contests need an organizer: log in once and send the token with every setup call.</summary>
    public static async Task LogInAsync(HttpClient http, Uri server, string user, string password)
    {
        var login = await Read(await http.PostAsJsonAsync(new Uri(server, "api/auth/login"), new { userName = user, password }));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("token").GetString());
    }

    /// <summary>A bank four times the paper, a round open from now until <paramref name="closesAt"/>, and a roster of <paramref name="people"/> whose codes come back.</summary>
    public static async Task<(string ContestId, IReadOnlyList<string> Codes)> RoundAsync(HttpClient http, Uri server, int people, int paper, int limit,
        DateTimeOffset closesAt)
    {
        var bank = await Read(await http.PostAsJsonAsync(new Uri(server, "api/banks"), new { name = $"网络竞赛压测 {DateTime.UtcNow:HHmmss}" }));
        var bankId = bank.GetProperty("id").GetString()!;
        var file = new
        {
            format = "quiz-bank/1",
            questions = Enumerable.Range(0, Math.Max(20, paper * 4)).Select(i => new
            {
                key = $"round-{i}",
                type = "single",
                stem = $"网络竞赛压测题 {i}：下列哪一项是正确的？",
                options = new[] { "选项甲", "选项乙", "选项丙", "选项丁" },
                answer = "ABCD"[i % 4].ToString(),
                category = i % 2 == 0 ? "科学知识" : "科学方法",
            }),
        };
        using var body = new StringContent(JsonSerializer.Serialize(file), Encoding.UTF8, "application/json");
        await Read(await http.PostAsync(new Uri(server, $"api/banks/{bankId}/import?format=json"), body));
        var round = await Read(await http.PostAsJsonAsync(new Uri(server, "api/rounds"), new
        {
            title = "网络知识竞赛压测",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt,
            timeLimitSeconds = limit,
            bankId,
            blueprint = new[] { new { count = paper } },
        }));
        var contestId = round.GetProperty("contestId").GetString()!;
        var districts = new[] { "上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市" };
        var codes = new List<string>(people);
        for (var from = 0; from < people; from += 5000)
        {
            var chunk = Enumerable.Range(from, Math.Min(5000, people - from)).Select(i => new
            {
                name = $"职工{i:D6}", staffId = $"LT-{i:D6}", unit = $"单位{i % 200:D3}", district = districts[i % districts.Length],
            });
            var answer = await Read(await http.PostAsJsonAsync(new Uri(server, $"api/contests/{contestId}/roster"), chunk));
            codes.AddRange(answer.EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        }
        return (contestId, codes);
    }

    public static async Task<JsonElement> ResultsAsync(HttpClient http, Uri server, string contestId) =>
        await Read(await http.GetAsync(new Uri(server, $"api/rounds/{contestId}/results")));

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
