using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>Every privileged endpoint and hub method refuses a caller without the right role, key or identity.</summary>
public sealed class AuthorizationTests
{
    /// <summary>
    /// Endpoints anyone may call: the clock, a public board, the join QR and the join form's choices (title and groups
    /// only), the empty templates, login and the first admin's setup (which needs the printed code, and refuses once an
    /// account exists), health, metrics,
    /// a revealed question's key and spread (refused before the reveal), the assessment's aggregate figures for big
    /// screens, and a respondent's profile (the participant token is in the body).
    /// </summary>
    private static readonly string[] Public =
    [
        "GET /api/time", "GET /api/contests/{contestId}/board", "GET /api/contests/{contestId}/questions/{seq:int}/reveal", "GET /api/join/{code}/qr.svg", "GET /api/join/{code}", "GET /api/banks/template.xlsx",
        "GET /api/banks/template.csv", "GET /api/contests/roster-template.xlsx", "GET /api/contests/roster-template.csv",
        "POST /api/auth/login", "GET /api/setup", "POST /api/setup", "GET /api/assessments/{contestId}/screen", "POST /api/assessments/{contestId}/profile",
        "GET /api/assessments/reasons",
        // Online rounds: facts, self-registration and the released boards are public; the attempt endpoints prove the
        // person by X-Participant-Token instead of an account (refusals tested in Rounds/AttemptTests).
        "GET /api/rounds/{contestId}", "GET /api/rounds/{contestId}/choices", "POST /api/rounds/{contestId}/register", "GET /api/rounds/{contestId}/boards",
        "POST /api/rounds/{contestId}/attempt", "GET /api/rounds/{contestId}/attempt", "PUT /api/rounds/{contestId}/attempt/answers/{index:int}",
        "POST /api/rounds/{contestId}/attempt/submit", "POST /api/rounds/{contestId}/attempt/signals", "GET /api/rounds/{contestId}/attempt/review",
    ];

    /// <summary>Endpoints for any account role, hosts and judges included: the contest list, to reopen a host console by account.</summary>
    private static readonly string[] AnyAccount = ["GET /api/contests"];

    [Fact]
    public async Task Every_api_endpoint_but_the_public_ones_refuses_an_anonymous_caller_and_a_host_account()
    {
        await using var server = LiveGame.Server(nameof(AuthorizationTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single");
        using var admin = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "host1", password = "stage-host-Qiantang-9", roles = new[] { "host" } })).StatusCode);
        using var anonymous = server.CreateAnonymousClient();
        using var host = server.CreateHttpClient(server.Token("host1", "host"));

        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().Where(e => !Public.Contains(e)).ToList();
        Assert.True(endpoints.Count >= 20, string.Join(", ", endpoints));
        foreach (var endpoint in endpoints)
        {
            var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]
                .Replace("{contestId}", contest.ContestId, StringComparison.Ordinal).Replace("{bankId}", "b1", StringComparison.Ordinal)
                .Replace("{questionId}", "q1", StringComparison.Ordinal).Replace("{userName}", "admin", StringComparison.Ordinal));
            var forHost = AnyAccount.Contains(endpoint) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            foreach (var (who, client, expected) in new[] { ("anonymous", anonymous, HttpStatusCode.Unauthorized), ("host", host, forHost) })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
                var status = (await client.SendAsync(request)).StatusCode;
                // Endpoints that also take a host key answer the same: 401 with no credentials at all, 403 to an account without the role.
                Assert.True(status == expected, $"{who} {endpoint}: {(int)status}");
            }
        }
    }

    [Fact]
    public async Task A_participant_cannot_host_nor_act_as_another_participant()
    {
        await using var game = await LiveGame.StartAsync(nameof(AuthorizationTests), new RoundRules(), "q-single");
        await using var alice = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await using var mallory = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var joined = await alice.JoinAsync(game.Contest.JoinCode, "爱丽丝");
        await mallory.JoinAsync(game.Contest.JoinCode, "马洛里");

        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubRefused>(() => mallory.ControlAsync(HostMoves.Start))).Message);
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubRefused>(() =>
            mallory.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(game.Contest.ContestId, "")))).Message);
        // Another participant's id is not a credential: only the token issued to them rejoins as them.
        Assert.Contains("unknown_token", (await Assert.ThrowsAsync<HubRefused>(() =>
            mallory.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(game.Contest.ContestId, joined.ParticipantId)))).Message);
    }

    [Fact]
    public async Task A_host_account_hosts_without_the_key_until_its_role_is_revoked_then_its_open_connection_stops_within_seconds()
    {
        await using var server = LiveGame.Server(nameof(AuthorizationTests));
        var contest = await LiveGame.CreateAsync(server, new RoundRules(), "q-single", "q-tf");
        using var admin = server.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts",
            new { userName = "host2", password = "stage-host-Xihu-2025", roles = new[] { "host" } })).StatusCode);
        await using var host = await LiveClient.ConnectAsync(server.BaseAddress, accessToken: server.Token("host2", "host"));
        var session = await host.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(contest.ContestId, ""));
        Assert.Equal(contest.JoinCode, session.JoinCode);
        Assert.Equal(RoomStatuses.Open, (await host.ControlAsync(HostMoves.Start)).Status);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/accounts/host2/roles", new { roles = Array.Empty<string>() })).StatusCode);
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                await host.ControlAsync(HostMoves.Pause);
                await host.ControlAsync(HostMoves.Resume);
            }
            catch (HubException refused)
            {
                Assert.Contains("forbidden", refused.Message);
                break;
            }
            // The role cache holds 3 s; the rest is slack for a busy machine. Without the re-check it never stops.
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the revoked host still moves the room");
            await Task.Delay(200);
        }
        Assert.Contains("forbidden", (await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Close))).Message);
    }
}
