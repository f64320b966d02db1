using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Tests.Support;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Live;

/// <summary>Groups come from the contest's lists: a join naming anything else is refused with the field at fault.</summary>
public sealed class GroupsTests
{
    [Fact]
    public async Task Joins_choose_from_the_lists_and_look_alikes_or_unlisted_names_are_field_errors()
    {
        await using var game = await LiveGame.StartAsync(nameof(GroupsTests), new RoundRules(),
            new ContestGroups { Teams = ["红队", "蓝队"], Units = ["市科协"] }, "q-single");
        await using var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        var code = game.Contest.JoinCode;

        Assert.Contains("invalid: team", await RefusedAsync(phone, new JoinRequest(code, "甲", Team: "黑客队")), StringComparison.Ordinal);
        Assert.Contains("invalid: district", await RefusedAsync(phone, new JoinRequest(code, "甲", District: "上城区\u200B")), StringComparison.Ordinal);
        Assert.Contains("invalid: district", await RefusedAsync(phone, new JoinRequest(code, "甲", District: "\u202E区城上")), StringComparison.Ordinal);
        Assert.Contains("invalid: unit", await RefusedAsync(phone, new JoinRequest(code, "甲", Unit: "某公司")), StringComparison.Ordinal);
        Assert.Contains("invalid: nickname", await RefusedAsync(phone, new JoinRequest(code, "\u200B\u200B")), StringComparison.Ordinal);
        Assert.Contains("invalid: nickname", await RefusedAsync(phone, new JoinRequest(code, "\u3164")), StringComparison.Ordinal);

        // Full-width, ideographic spaces and the like fold to the listed name: one "上城区" on the board.
        var joined = await phone.Connection.CallAsync<Joined>(HubMethods.Join, new JoinRequest(code, "Ｗａｎｇ", "　红队 ", "市科协", " 上城区"));
        Assert.Equal("Wang", joined.Nickname);
        using var http = game.Server.CreateAnonymousClient();
        var board = await LiveGame.Read<Leaderboard>(await http.GetAsync($"/api/contests/{game.Contest.ContestId}/board"));
        Assert.Equal(("红队", 1), (Assert.Single(board.Teams).Name, board.Teams[0].Participants));
        Assert.Equal("上城区", Assert.Single(board.Districts, d => d.Participants > 0).Name);
    }

    [Fact]
    public async Task Free_text_is_capped_per_contest_and_a_refused_join_admits_no_name()
    {
        await using var game = await LiveGame.StartAsync(nameof(GroupsTests), new RoundRules(), new ContestGroups { FreeTeams = true }, "q-single");
        var db = game.Server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var free = game.Server.Services.GetRequiredService<RedisKeys>().GroupsFree(game.Contest.ContestId, "team");
        await using var first = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        await first.JoinAsync(game.Contest.JoinCode, "先到", team: "自由队");
        // The contest has admitted as many typed-in teams as it takes (the other 499 as if earlier joins had named them).
        await db.SetAddAsync(free, [.. Enumerable.Range(0, ContestGroups.MaxFree - 1).Select(i => (RedisValue)$"队{i}")]);

        await using var late = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        Assert.StartsWith("group_limit", await RefusedAsync(late, new JoinRequest(game.Contest.JoinCode, "后到", Team: "新队", District: "滨江区")), StringComparison.Ordinal);
        Assert.StartsWith("invalid: district", await RefusedAsync(late, new JoinRequest(game.Contest.JoinCode, "后到", Team: "又一新队", District: "火星区")), StringComparison.Ordinal);
        Assert.Equal(ContestGroups.MaxFree, await db.SetLengthAsync(free));
        Assert.Equal("后到", (await late.JoinAsync(game.Contest.JoinCode, "后到", team: "自由队")).Nickname); // a name admitted before still stands
    }

    [Fact]
    public async Task The_join_form_reads_title_and_choices_publicly_and_the_roster_adds_its_units()
    {
        await using var game = await LiveGame.StartAsync(nameof(GroupsTests), new RoundRules(), new ContestGroups { Teams = ["红队"], Units = ["市科协"] }, "q-single");
        using var organizer = game.Server.CreateHttpClient();
        await LiveGame.Read<RosterCode[]>(await organizer.PostAsJsonAsync($"/api/contests/{game.Contest.ContestId}/roster",
            new[] { new RosterPerson("赵六", "HZ-1", "区图书馆", "西湖区", null) }));
        var refused = await organizer.PostAsJsonAsync($"/api/contests/{game.Contest.ContestId}/roster", new[] { new RosterPerson("赵\u202E六", "HZ-2", null, null, null) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("text.format", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = game.Server.CreateAnonymousClient();
        var response = await anonymous.GetAsync($"/api/join/{game.Contest.JoinCode}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["title", "teams", "units", "districts", "freeTeams", "freeUnits", "freeDistricts"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var choices = json.RootElement.Deserialize<JoinChoices>(QuizJson.Options)!;
        Assert.Equal("测试竞赛", choices.Title);
        Assert.Equal(["红队"], choices.Teams);
        Assert.Equal(["市科协", "区图书馆"], choices.Units);
        Assert.Equal(ContestGroups.Hangzhou, choices.Districts);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/join/000000")).StatusCode);

        // A roster unit is a choice for walk-in joins too.
        await using var phone = await LiveClient.ConnectAsync(game.Server.BaseAddress);
        Assert.Equal("访客", (await phone.JoinAsync(game.Contest.JoinCode, "访客", unit: "区图书馆")).Nickname);
    }

    /// <summary>The refusal as the server worded it ("code: detail"), without the client's "An unexpected error …" preamble.</summary>
    private static async Task<string> RefusedAsync(LiveClient client, JoinRequest request)
    {
        return (await Assert.ThrowsAsync<HubRefused>(() => client.Connection.CallAsync<Joined>(HubMethods.Join, request))).Message;
    }
}
