using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Quiz.Browser.Tests.Support;

/// <summary>What an organizer sets up before a game, over the REST API: the seeded bank and a contest of some of its questions.</summary>
public static class Contests
{
    /// <summary>The same small bank as Quiz.Server.Tests' SeededQuestions: one question of each type.</summary>
    public const string BankJson = """
        {
          "format": "quiz-bank/1",
          "questions": [
            { "key": "q-single", "type": "single", "stem": "我国提出力争在哪一年前实现碳中和？", "options": ["2030年", "2050年", "2060年", "2070年"], "answer": "C", "explanation": "2020年9月，我国提出二氧化碳排放力争于2030年前达到峰值，努力争取2060年前实现碳中和。" },
            { "key": "q-multi", "type": "multiple", "stem": "下列哪些属于温室气体？", "options": ["二氧化碳", "甲烷", "氮气", "氧化亚氮"], "answer": "ABD", "explanation": "氮气约占空气的78%，不吸收红外辐射，不是温室气体。" },
            { "key": "q-tf", "type": "truefalse", "stem": "抗生素对病毒性感冒有效。", "answer": "错误", "explanation": "抗生素只对细菌起作用，对病毒无效；滥用会导致耐药。" },
            { "key": "q-fill", "type": "fill", "stem": "一种能“记住”原来形状的合金叫____。", "answer": "钛镍记忆合金", "explanation": "形状记忆合金受热后能恢复原来的形状。" },
            { "key": "q-order", "type": "ordering", "stem": "把心肺复苏的步骤排好顺序。", "options": ["胸外按压", "判断意识", "呼救", "开放气道"], "answer": "BCAD", "explanation": "先判断意识，再呼救，然后胸外按压、开放气道。" }
          ]
        }
        """;

    public sealed record Created(string ContestId, string JoinCode, string HostKey);

    public static async Task<Created> CreateAsync(QuizServer server, object rules, params string[] keys)
    {
        using var http = server.CreateHttpClient();
        var bank = await ReadAsync(await http.PostAsJsonAsync("/api/banks", new { name = "浏览器测试题库" }));
        var bankId = bank["id"]!.GetValue<string>();
        using var file = new StringContent(BankJson, Encoding.UTF8, "application/json");
        await ReadAsync(await http.PostAsync($"/api/banks/{bankId}/import?format=json", file));
        var page = await ReadAsync(await http.GetAsync($"/api/banks/{bankId}/questions?pageSize=50"));
        var ids = page["items"]!.AsArray().ToDictionary(q => q!["key"]!.GetValue<string>(), q => q!["id"]!.GetValue<string>());
        var created = await ReadAsync(await http.PostAsJsonAsync("/api/contests", new
        {
            title = "全民科学素质知识竞赛",
            rounds = new[] { new { title = "第一轮", rules, bankId, questionIds = keys.Select(k => ids[k]).ToArray() } },
        }));
        return new Created(created["contestId"]!.GetValue<string>(), created["joinCode"]!.GetValue<string>(), created["hostKey"]!.GetValue<string>());
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions())!;
    }
}
