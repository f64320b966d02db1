using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Admin;

/// <summary>What the accounts page does over the API: reset a password (audited, never with it) and keep one admin.</summary>
public sealed class AccountAdminTests
{
    [Fact]
    public async Task An_admin_resets_a_password_and_the_only_admin_keeps_the_admin_role()
    {
        await using var server = LiveGame.Server(nameof(AccountAdminTests));
        using var admin = server.CreateHttpClient();
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "host.zhou", password = "主持人-周-first-2025", roles = new[] { "host" } })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync("/api/accounts/host.zhou/password", new { password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/accounts/nobody/password", new { password = "a long new passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/host.zhou/password", new { password = "主持人-周-second-2025" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(anonymous, "host.zhou", "主持人-周-first-2025")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(anonymous, "host.zhou", "主持人-周-second-2025")).StatusCode);
        using (var host = server.CreateHttpClient(server.Token("host.zhou", "host")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await host.PutAsJsonAsync("/api/accounts/admin/password", new { password = "taken over by a host" })).StatusCode);
        }

        var lastAdmin = await admin.PutAsJsonAsync("/api/accounts/admin/roles", new { roles = new[] { "organizer" } });
        Assert.Equal(HttpStatusCode.Conflict, lastAdmin.StatusCode);
        Assert.Equal("last_admin", (await lastAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/host.zhou/roles", new { roles = new[] { "admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/admin/roles", new { roles = new[] { "organizer" } })).StatusCode);

        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=20");
        var reset = audit!.Where(e => e.GetProperty("action").GetString() == "ResetPassword").Select(e => e.GetProperty("outcome").GetString()).ToList();
        Assert.Equal(["done", "refused: not_found", "refused: invalid"], reset);
        Assert.DoesNotContain("second-2025", JsonSerializer.Serialize(audit), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> Login(HttpClient http, string user, string password) =>
        http.PostAsJsonAsync("/api/auth/login", new { userName = user, password });
}
