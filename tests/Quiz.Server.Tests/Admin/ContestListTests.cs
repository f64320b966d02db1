using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Core.Banks;
using Quiz.Core.Contests;
using Quiz.Core.Features.Accounts;
using Quiz.Core.Features.Rounds;
using Quiz.Server.Tests.Rounds;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Admin;

/// <summary>
/// The organizers' contest list: live contests and online rounds, newest first, with join code, status and head count,
/// no keys; judges may read it (to reopen a host console by account), strangers may not. An online round's exports
/// carry the roster's phones masked, in full only for an organizer who asks (audited).
/// </summary>
public sealed class ContestListTests
{
    [Fact]
    public async Task The_list_shows_live_contests_and_online_rounds_newest_first_with_code_status_and_head_count()
    {
        await using var kit = await RoundKit.StartAsync(nameof(ContestListTests));
        kit.Clock.Advance(TimeSpan.FromSeconds(1)); // the server's clock is the test's: the live contest comes a second later
        var live = await LiveGame.CreateAsync(kit.Server, new RoundRules(), "q-single", "q-multi");
        var list = await kit.Organizer.GetFromJsonAsync<JsonElement[]>("/api/contests");

        Assert.Equal([live.ContestId, kit.ContestId], list!.Select(c => c.GetProperty("contestId").GetString()));
        var (first, second) = (list![0], list[1]);
        Assert.Equal(("live", live.JoinCode, "lobby", 2, 0L), (first.GetProperty("kind").GetString(), first.GetProperty("joinCode").GetString(),
            first.GetProperty("status").GetString(), first.GetProperty("questions").GetInt32(), first.GetProperty("participants").GetInt64()));
        Assert.Equal(("online", "open", 4L, "网络知识竞赛"), (second.GetProperty("kind").GetString(), second.GetProperty("status").GetString(),
            second.GetProperty("participants").GetInt64(), second.GetProperty("title").GetString()));
        Assert.DoesNotContain("hostKey", JsonSerializer.Serialize(list), StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.Created, (await kit.Organizer.PostAsJsonAsync("/api/accounts",
            new CreateAccount("judge.wu", "评委-吴老师-2025-西湖", ["judge"]))).StatusCode);
        using var judge = kit.Server.CreateHttpClient(kit.Server.Token("judge.wu", "judge"));
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync("/api/contests")).StatusCode);

        // Tokens are stamped by the fake clock and checked against real time: the organizer's was issued before this.
        kit.Clock.Advance(TimeSpan.FromHours(2));
        var later = await kit.Organizer.GetFromJsonAsync<JsonElement[]>("/api/contests");
        Assert.Equal("closed", later![1].GetProperty("status").GetString());
        using var anonymous = kit.Server.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/contests")).StatusCode);
    }

    [Fact]
    public async Task An_online_rounds_exports_show_phones_masked_and_in_full_only_to_an_organizer_who_asks()
    {
        await using var kit = await RoundKit.StartAsync(nameof(ContestListTests), people:
        [
            new RosterPerson("张一", "S1", "市科协", "西湖区", "13912345678"),
            new RosterPerson("王二", "S2", "市科协", "西湖区", null),
        ]);
        foreach (var i in new[] { 0, 1 })
        {
            using var person = kit.Person(i);
            await kit.StartAsync(person);
            Assert.Equal(HttpStatusCode.OK, (await person.PostAsync(kit.Url("/attempt/submit"), null)).StatusCode);
        }
        var masked = await kit.Organizer.GetStringAsync(kit.Url("/results.csv"));
        Assert.Contains("手机", masked.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains("\"139****5678\"", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", masked, StringComparison.Ordinal);
        Assert.Contains("\"13912345678\"", await kit.Organizer.GetStringAsync(kit.Url("/results.csv?phones=full")), StringComparison.Ordinal);
        var xlsx = await kit.Organizer.GetByteArrayAsync(kit.Url("/results.xlsx?phones=full"));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>();
        Assert.Contains(rows, r => (string?)r["手机"] == "13912345678");

        using var keyed = kit.Server.CreateAnonymousClient();
        keyed.DefaultRequestHeaders.Add("X-Host-Key", kit.HostKey);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync(kit.Url("/results.xlsx"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keyed.GetAsync(kit.Url("/results.csv?phones=full"))).StatusCode);
        var audit = await kit.Organizer.GetFromJsonAsync<JsonElement[]>("/api/audit?take=50");
        Assert.Contains(audit!, e => e.GetProperty("action").GetString() == "GetRosterPhones" && e.GetProperty("input").GetProperty("full").GetBoolean()
            && e.GetProperty("target").GetString() == $"contest:{kit.ContestId}");
    }
}
