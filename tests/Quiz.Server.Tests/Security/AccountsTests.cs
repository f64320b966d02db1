using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>The first admin, logins, accounts and roles, and the audit log of what they did.</summary>
public sealed class AccountsTests
{
    [Fact]
    public async Task The_bootstrap_admin_logs_in_creates_an_organizer_and_a_wrong_password_gets_401()
    {
        await using var server = LiveGame.Server(nameof(AccountsTests));
        using var anonymous = server.CreateAnonymousClient();
        var login = await Login(anonymous, QuizServer.AdminUser, QuizServer.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(anonymous, QuizServer.AdminUser, "wrong password 123")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(anonymous, "nobody", QuizServer.AdminPassword)).StatusCode);

        using var admin = server.CreateHttpClient(token);
        var weak = await admin.PostAsJsonAsync("/api/accounts", new { userName = "wang", password = "123456", roles = new[] { "organizer" } });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        var created = await admin.PostAsJsonAsync("/api/accounts", new { userName = "Wang.Li", password = "西湖-organizer-2025", roles = new[] { "organizer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organizerLogin = await Login(anonymous, "wang.li", "西湖-organizer-2025");
        Assert.Equal(HttpStatusCode.OK, organizerLogin.StatusCode);
        using var organizer = server.CreateHttpClient((await organizerLogin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.Created, (await organizer.PostAsJsonAsync("/api/banks", new { name = "组织者题库" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.GetAsync("/api/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/wang.li/roles", new { roles = Array.Empty<string>() })).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3.5)); // the role cache
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.PostAsJsonAsync("/api/banks", new { name = "撤销后" })).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=20");
        var change = audit!.First(e => e.GetProperty("action").GetString() == "SetRoles");
        Assert.Equal("admin", change.GetProperty("actor").GetString());
        Assert.Equal("account:wang.li", change.GetProperty("target").GetString());
        Assert.Equal("organizer", change.GetProperty("before")[0].GetString());
        Assert.Equal(0, change.GetProperty("after").GetArrayLength());
        var bank = audit!.First(e => e.GetProperty("action").GetString() == "CreateBank");
        Assert.Equal("wang.li", bank.GetProperty("actor").GetString());
        Assert.Equal("done", bank.GetProperty("outcome").GetString());
        Assert.DoesNotContain("西湖-organizer-2025", JsonSerializer.Serialize(audit));
    }

    [Fact]
    public async Task Results_exports_and_host_moves_are_audited_and_a_screen_token_is_scoped_to_one_contest()
    {
        await using var game = await LiveGame.StartAsync(nameof(AccountsTests), new Core.Contests.RoundRules(), "q-single");
        await game.Host.ControlAsync(Contracts.HostMoves.Start);
        using var keyed = game.Server.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Host-Key", game.Contest.HostKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync($"/api/contests/{game.Contest.ContestId}/results.csv")).StatusCode);
        var screen = await keyed.PostAsync($"/api/contests/{game.Contest.ContestId}/screen-token", null);
        var token = (await screen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var claims = JsonDocument.Parse(Convert.FromBase64String(Pad(token.Split('.')[1]))).RootElement;
        Assert.Equal(game.Contest.ContestId, claims.GetProperty("contest").GetString());
        Assert.Equal("screen", claims.GetProperty("role")[0].GetString());
        using var asScreen = game.Server.CreateHttpClient(token);
        Assert.Equal(HttpStatusCode.Forbidden, (await asScreen.GetAsync("/api/audit")).StatusCode);

        using var admin = game.Server.CreateHttpClient();
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=50");
        var target = $"contest:{game.Contest.ContestId}";
        Assert.Contains(audit!, e => e.GetProperty("action").GetString() == "GetResults" && e.GetProperty("actor").GetString() == "host-key"
            && e.GetProperty("target").GetString() == target);
        Assert.Contains(audit!, e => e.GetProperty("action").GetString() == "MoveRoom" && e.GetProperty("actor").GetString() == $"host-key:{game.Contest.ContestId}"
            && e.GetProperty("input").GetProperty("move").GetString() == "start");
        Assert.Contains(audit!, e => e.GetProperty("action").GetString() == "CreateContest" && e.GetProperty("actor").GetString() == "admin");
        var start = audit!.First(e => e.GetProperty("action").GetString() == "MoveRoom");
        Assert.Equal(("lobby", "open"), (start.GetProperty("before").GetProperty("status").GetString(), start.GetProperty("after").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_corrected_answer_key_is_audited_with_the_key_before_and_after()
    {
        await using var server = LiveGame.Server(nameof(AccountsTests));
        var (bankId, ids) = await LiveGame.ImportBankAsync(server);
        using var admin = server.CreateHttpClient();
        var edit = await admin.PutAsJsonAsync($"/api/banks/{bankId}/questions/{ids["q-single"]}", new Contracts.Banks.QuestionInput
        {
            Key = "q-single", Type = "single", Stem = "我国提出力争在哪一年前实现碳中和？", Options = ["2030年", "2050年", "2060年", "2070年"], Answer = "D",
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=50");
        var entry = audit!.First(e => e.GetProperty("action").GetString() == "EditQuestion");
        Assert.Equal(("C", "D"), (entry.GetProperty("before").GetProperty("answer").GetString(), entry.GetProperty("after").GetProperty("answer").GetString()));
        Assert.Equal(2, entry.GetProperty("after").GetProperty("version").GetInt32());
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }

    [Fact]
    public void A_weak_bootstrap_password_stops_the_server_at_start()
    {
        var refused = Assert.ThrowsAny<Exception>(() => new QuizServer(nameof(AccountsTests), new Dictionary<string, string?>
        {
            ["Quiz:Auth:BootstrapPassword"] = "admin123",
        }));
        Assert.Contains("BootstrapPassword", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logins_from_one_address_are_rate_limited()
    {
        await using var server = LiveGame.Server(nameof(AccountsTests), new Dictionary<string, string?> { ["Quiz:Auth:LoginsPerMinute"] = "3" });
        using var anonymous = server.CreateAnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await Login(anonymous, "admin", $"guess number {i}")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], statuses);
    }

    private static Task<HttpResponseMessage> Login(HttpClient http, string user, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
}
