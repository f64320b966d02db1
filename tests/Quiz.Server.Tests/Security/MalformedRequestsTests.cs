using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Contests;
using Quiz.Core.Features.Rounds;
using Quiz.Server.Tests.Support;
using Xunit.Abstractions;

namespace Quiz.Server.Tests.Security;

/// <summary>
/// Every endpoint of the OpenAPI document, as an admin, with real ids and junk ones, fed malformed JSON, wrong types,
/// undefined enum numbers, huge numbers, long strings and missing fields: any answer of 500 or more fails the test.
/// </summary>
public sealed class MalformedRequestsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_endpoint_answers_malformed_requests_with_a_4xx()
    {
        await using var server = LiveGame.Server(nameof(MalformedRequestsTests), new Dictionary<string, string?> { ["Quiz:Auth:LoginsPerMinute"] = "1000" });
        using var admin = server.CreateHttpClient();
        var (bankId, questionIds) = await LiveGame.ImportBankAsync(server);
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        var round = await LiveGame.Read<OnlineRoundCreated>(await admin.PostAsJsonAsync("/api/rounds",
            new CreateOnlineRound("网络竞赛", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1), 60, bankId, [new BlueprintRule(2)], SelfRegistration: true),
            QuizJson.Options));
        await admin.PostAsJsonAsync("/api/accounts", new { userName = "walker.target", password = "a walker's own passphrase", roles = new[] { "host" } });
        var template = (await admin.GetFromJsonAsync<JsonElement[]>("/api/contests/stage-templates"))![0].GetProperty("id").GetString()!;
        var ids = new Dictionary<string, string>
        {
            ["bankId"] = bankId, ["questionId"] = questionIds.Values.First(), ["code"] = contest.JoinCode, ["seq"] = "0", ["index"] = "0",
            ["templateId"] = template, ["userName"] = "walker.target",
        };

        using var document = JsonDocument.Parse(await admin.GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var sent = 0;
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch").Select(o => (Path: path.Name, Method: o.Name, Operation: o.Value)))
            .OrderBy(o => o.Method == "delete"); // deletions last: the ids stay real for everything else
        foreach (var (path, method, operation) in operations)
        {
            var contestId = path.StartsWith("/api/rounds", StringComparison.Ordinal) || path.StartsWith("/api/assessments", StringComparison.Ordinal) ? round.ContestId : contest.ContestId;
            foreach (var url in new[] { Fill(path, ids, contestId), Fill(path, null, "x%00%20" + new string('9', 300)) })
            {
                foreach (var query in Queries(operation))
                {
                    foreach (var body in Bodies(operation, schemas))
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url + query);
                        request.Headers.Add("X-Host-Key", "not-a-key");
                        request.Headers.Add("X-Participant-Token", "not-a-token");
                        if (body is not null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                        }
                        sent++;
                        var status = await StatusAsync(admin, request, body);
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        if (status >= 500)
                        {
                            failures.Add($"{method.ToUpperInvariant()} {url}{query} {Shorten(body)} -> {status}");
                        }
                    }
                }
            }
        }
        output.WriteLine($"{sent} requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(sent > 500, $"only {sent} requests: the document was not walked");
    }

    [Fact]
    public async Task An_account_without_a_user_name_is_a_refusal_on_record_and_a_roles_body_without_roles_revokes_nothing()
    {
        await using var server = LiveGame.Server(nameof(MalformedRequestsTests));
        using var admin = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/accounts", new { password = "a long passphrase here", roles = new[] { "host" } })).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=5");
        Assert.Equal(("CreateAccount", "refused: invalid"), (audit![0].GetProperty("action").GetString(), audit[0].GetProperty("outcome").GetString()));

        await admin.PostAsJsonAsync("/api/accounts", new { userName = "zhao.host", password = "a long passphrase here", roles = new[] { "host" } });
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/accounts/zhao.host/roles", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsync("/api/accounts/zhao.host/roles", new StringContent("null", Encoding.UTF8, "application/json"))).StatusCode);
        var accounts = await admin.GetFromJsonAsync<JsonElement[]>("/api/accounts");
        Assert.Equal("host", accounts!.Single(a => a.GetProperty("userName").GetString() == "zhao.host").GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task Undefined_enum_numbers_are_field_errors_not_stored_rules()
    {
        await using var server = LiveGame.Server(nameof(MalformedRequestsTests));
        using var admin = server.CreateHttpClient();
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        var round = new JsonObject { ["title"] = "甲", ["bankId"] = bankId, ["questionIds"] = new JsonArray(ids.Values.Take(2).Select(i => (JsonNode)i!).ToArray()) };
        foreach (var (patch, field) in new (Action<JsonObject>, string)[]
        {
            (r => r["rules"] = new JsonObject { ["partialCredit"] = 99 }, "rounds[0].rules.partialCredit"),
            (r => r["rules"] = new JsonObject { ["board"] = 7 }, "rounds[0].rules.board"),
            (r => { r.Remove("questionIds"); r["blueprint"] = new JsonArray(new JsonObject { ["count"] = 1, ["type"] = 42 }); }, "rounds[0].blueprint[0].type"),
        })
        {
            var body = (JsonObject)round.DeepClone();
            patch(body);
            var response = await admin.PostAsJsonAsync("/api/contests", new JsonObject { ["title"] = "枚举", ["rounds"] = new JsonArray(body) });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var stage = new JsonObject
        {
            ["title"] = "舞台", ["rounds"] = new JsonArray((JsonObject)round.DeepClone()),
            ["stage"] = new JsonObject
            {
                ["teams"] = new JsonArray(new JsonObject { ["name"] = "甲队", ["members"] = new JsonArray("甲") }, new JsonObject { ["name"] = "乙队", ["members"] = new JsonArray("乙") }),
                ["segments"] = new JsonArray(new JsonObject { ["kind"] = "Required", ["rotation"] = 5 }),
            },
        };
        var refused = await admin.PostAsJsonAsync("/api/contests", stage);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("stage.segments[0].rotation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contest_is_capped_in_rounds_questions_and_question_text()
    {
        await using var server = LiveGame.Server(nameof(MalformedRequestsTests));
        using var admin = server.CreateHttpClient();
        var bank = await LiveGame.Read<JsonElement>(await admin.PostAsJsonAsync("/api/banks", new { name = "长题库" }));
        var bankId = bank.GetProperty("id").GetString()!;
        // 600 questions of 1,990-character stems: 1.2 million characters, past the cap of one million.
        var questions = Enumerable.Range(0, 600).Select(i => new { type = "single", stem = $"{i:D4}" + new string('长', 1986), options = new[] { "甲", "乙" }, answer = "A" });
        var import = await admin.PostAsync($"/api/banks/{bankId}/import?format=json", new StringContent(JsonSerializer.Serialize(new { questions }), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        object Blueprint(int count) => new { title = "抽题", bankId, blueprint = new[] { new { count } } };
        var tooMany = await admin.PostAsJsonAsync("/api/contests", new { title = "太多轮", rounds = Enumerable.Range(0, CreateContest.MaxRounds + 1).Select(_ => Blueprint(1)) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var tooLarge = await admin.PostAsJsonAsync("/api/contests", new { title = "题太多", rounds = new[] { Blueprint(500), Blueprint(500), Blueprint(1) } });
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        var tooMuchText = await admin.PostAsJsonAsync("/api/contests", new { title = "字太多", rounds = new[] { Blueprint(300), Blueprint(300) } });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuchText.StatusCode);
        Assert.Contains("1,000,000", await tooMuchText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/contests", new { title = "刚好", rounds = new[] { Blueprint(250), Blueprint(250) } })).StatusCode);
    }

    /// <summary>
    /// The status; an endpoint with a small body limit (registration, signals: 4 KB) answers 413 and closes the
    /// connection before a long body is sent, which the client sees as a broken pipe: that is a refusal too.
    /// </summary>
    private static async Task<int> StatusAsync(HttpClient http, HttpRequestMessage request, string? body)
    {
        try
        {
            return (int)(await http.SendAsync(request)).StatusCode;
        }
        catch (HttpRequestException) when (body is { Length: > 4096 })
        {
            return (int)HttpStatusCode.RequestEntityTooLarge;
        }
    }

    private static string Fill(string path, IReadOnlyDictionary<string, string>? ids, string contestId) =>
        System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)(:\w+)?\}", m =>
            m.Groups[1].Value == "contestId" ? contestId : ids?.GetValueOrDefault(m.Groups[1].Value) ?? (m.Groups[2].Success ? "-99999999999" : contestId));

    private static IEnumerable<string> Queries(JsonElement operation)
    {
        var names = operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
        yield return "";
        if (names.Count > 0)
        {
            foreach (var junk in new[] { "-1", "99999999999999999999", "x%00", "true" })
            {
                yield return "?" + string.Join("&", names.Select(n => $"{n}={junk}"));
            }
        }
    }

    /// <summary>No body for a method without one; otherwise malformed JSON, the wrong shapes, and the schema's properties each made wrong.</summary>
    private static IEnumerable<string?> Bodies(JsonElement operation, JsonElement schemas)
    {
        if (!operation.TryGetProperty("requestBody", out var requestBody))
        {
            yield return null;
            yield break;
        }
        foreach (var raw in new[] { "{", "[]", "null", "\"text\"", "12", "{}", "1e999", new string('[', 200) + new string(']', 200) })
        {
            yield return raw;
        }
        var schema = requestBody.GetProperty("content").EnumerateObject().First().Value.TryGetProperty("schema", out var s) ? Resolve(s, schemas) : default;
        var properties = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("items", out var items))
        {
            var item = Resolve(items, schemas);
            properties = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("properties", out var ip) ? ip.EnumerateObject().ToList() : [];
            foreach (var body in Variants(properties, schemas))
            {
                yield return $"[{body}]";
            }
            yield break;
        }
        foreach (var body in Variants(properties, schemas))
        {
            yield return body;
        }
    }

    private static IEnumerable<string> Variants(List<JsonProperty> properties, JsonElement schemas)
    {
        if (properties.Count == 0)
        {
            yield break;
        }
        string Each(Func<JsonElement, string> value) =>
            "{" + string.Join(",", properties.Select(p => $"{JsonSerializer.Serialize(p.Name)}:{value(Resolve(p.Value, schemas))}")) + "}";
        yield return Each(WrongType);
        yield return Each(_ => "99999999999999999999");
        yield return Each(_ => "-1e308");
        yield return Each(p => Types(p).Contains("string") ? JsonSerializer.Serialize(new string('长', 100_000)) : "99");
        yield return Each(p => p.TryGetProperty("enum", out _) ? "99" : "null");
        yield return Each(_ => "[null,{},[]]");
    }

    private static string WrongType(JsonElement schema) => Types(schema) switch
    {
        var t when t.Contains("string") => "12345",
        var t when t.Contains("integer") || t.Contains("number") => "\"x\"",
        var t when t.Contains("boolean") => "\"yes\"",
        var t when t.Contains("array") => "{\"a\":1}",
        _ => "[1,2]",
    };

    private static string[] Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? ["object"]
        : type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var depth = 0; depth < 10 && schema.ValueKind == JsonValueKind.Object; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
            {
                schema = oneOf.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.GetString() == "null"));
            }
            else
            {
                break;
            }
        }
        return schema;
    }

    private static string Shorten(string? body) => body is null ? "" : body.Length <= 120 ? body : body[..120] + "…";
}
