using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Security;

/// <summary>Roster contests: personal codes, one person one entry, phones protected at rest and masked in exports.</summary>
public sealed class RosterTests
{
    private const string Phone = "13912345678";

    [Fact]
    public async Task A_roster_person_enters_with_a_personal_code_once_and_their_phone_is_protected_and_masked()
    {
        await using var game = await LiveGame.StartAsync(nameof(RosterTests), new RoundRules(), "q-single");
        var (server, contest) = (game.Server, game.Contest);
        using var organizer = server.CreateHttpClient();
        var people = new[]
        {
            new RosterPerson("张三", "HZ-001", "市科协", "西湖区", Phone),
            new RosterPerson("李四", "HZ-002", "区图书馆", "滨江区", null),
        };
        var codes = await LiveGame.Read<RosterCode[]>(await organizer.PostAsJsonAsync($"/api/contests/{contest.ContestId}/roster", people));
        Assert.All(codes, c => Assert.NotNull(c.Code));
        var again = await LiveGame.Read<RosterCode[]>(await organizer.PostAsJsonAsync($"/api/contests/{contest.ContestId}/roster", people[..1]));
        Assert.Null(Assert.Single(again).Code); // the same staff id is not a second entry
        using var anonymous = server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/api/contests/{contest.ContestId}/roster", people)).StatusCode);

        await using var phone = await LiveClient.ConnectAsync(server.BaseAddress);
        var first = await phone.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(contest.ContestId, codes[0].Code!));
        Assert.Equal("张三", first.Nickname);
        await using var laptop = await LiveClient.ConnectAsync(server.BaseAddress);
        var second = await laptop.Connection.CallAsync<Joined>(HubMethods.Rejoin, new RejoinRequest(contest.ContestId, codes[0].Code!));
        Assert.Equal(first.ParticipantId, second.ParticipantId); // one person, one entry
        await phone.NextAsync<string>(nameof(IQuizClient.Superseded));

        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var keys = server.Services.GetRequiredService<RedisKeys>();
        var stored = string.Join('\n', (await db.HashGetAllAsync(keys.Phones(contest.ContestId))).Select(e => e.Value.ToString())
            .Concat((await db.HashGetAllAsync(keys.Participants(contest.ContestId))).Select(e => e.Value.ToString())));
        Assert.DoesNotContain(Phone, stored, StringComparison.Ordinal);

        using var keyed = server.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Host-Key", contest.HostKey);
        var masked = await Csv(keyed, $"/api/contests/{contest.ContestId}/results.csv");
        Assert.Contains("\"139****5678\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, masked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyed.GetAsync($"/api/contests/{contest.ContestId}/results.csv?phones=full")).StatusCode);
        Assert.Contains($"\"{Phone}\"", await Csv(organizer, $"/api/contests/{contest.ContestId}/results.csv?phones=full"), StringComparison.Ordinal);
    }

    private static async Task<string> Csv(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }
}
