using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Contracts.Banks;
using Quiz.Core.Features.Contests;
using Quiz.Core.Stage;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Stage;

/// <summary>A stage contest as an organizer sets it up: created over HTTP, the host connected, each team's seat taken by its own device.</summary>
internal sealed record StageGame(QuizServer Server, ContestCreated Contest, LiveClient Host, IReadOnlyList<LiveClient> Seats) : IAsyncDisposable
{
    /// <summary>Moves the room to question <paramref name="seq"/> and waits until the stage has entered it.</summary>
    public async Task<StageView> OpenAsync(int seq)
    {
        if (seq > 0)
        {
            await Host.ControlAsync(HostMoves.Close);
        }
        await Host.ControlAsync(seq == 0 ? HostMoves.Start : HostMoves.Next);
        return await Host.NextStageAsync(v => v.Seq == seq);
    }

    /// <summary>Arms the buzzer, lets <paramref name="team"/> buzz, and waits for the server to give it the answer.</summary>
    public async Task<StageView> BuzzWinAsync(int team)
    {
        var armed = await Host.StageAsync(new StageRequest(StageMoves.Arm));
        Assert.Equal(BuzzStatuses.Accepted, (await Seats[team].BuzzAsync()).Status);
        return await Host.NextStageAsync(v => v.Seq == armed.Seq && v.Phase == StagePhases.Answering && v.Version > armed.Version);
    }

    public Task<StageView> JudgeAsync(bool right) => Host.StageAsync(new StageRequest(StageMoves.Judge, Correct: right));

    /// <summary>Creates the contest on <paramref name="server"/>; each team's device connects to <paramref name="seatNode"/>'s pick (default: the same server).</summary>
    public static async Task<StageGame> CreateAsync(QuizServer server, CreateContest body, Func<int, QuizServer>? seatNode = null)
    {
        using var http = server.CreateHttpClient();
        var contest = await LiveGame.Read<ContestCreated>(await http.PostAsJsonAsync("/api/contests", body, QuizJson.Options));
        var (host, _) = await LiveGame.HostAsync(server, contest);
        var codes = await host.Connection.CallAsync<IReadOnlyList<StageSeat>>(HubMethods.StageSeats);
        var seats = new List<LiveClient>();
        foreach (var seat in codes)
        {
            var client = await LiveClient.ConnectAsync((seatNode?.Invoke(seat.Team) ?? server).BaseAddress, messagePack: seat.Team % 2 == 1);
            var seated = await client.Connection.CallAsync<Seated>(HubMethods.TakeSeat, new SeatRequest(contest.ContestId, seat.Code));
            Assert.Equal(seat.Team, seated.Team);
            seats.Add(client);
        }
        return new StageGame(server, contest, host, seats);
    }

    /// <summary>The shipped template on the sample bank the server loads at start.</summary>
    public static async Task<CreateContest> TemplateAsync(QuizServer server, string templateId)
    {
        using var http = server.CreateHttpClient();
        var bankId = await SampleBankAsync(server);
        return (await http.GetFromJsonAsync<CreateContest>($"/api/contests/stage-templates/{templateId}?bankId={bankId}", QuizJson.Options))!;
    }

    /// <summary>The id of the sample bank, once the server has loaded all of it.</summary>
    public static Task<string> SampleBankAsync(QuizServer server) => ShippedBanks.WaitAsync(server);

    /// <summary>Six teams of three, one stage segment per round.</summary>
    public static StageSetup SixTeams(params StageSegment?[] segments) => new()
    {
        Teams = [.. Enumerable.Range(0, 6).Select(t => new StageTeam($"队{t}", [.. Enumerable.Range(1, 3).Select(m => $"队{t}-{m}")]))],
        Segments = segments,
    };

    /// <summary>A server that loads the sample bank at start (most tests turn it off).</summary>
    public static QuizServer ServerWithSampleBank(string name, IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?> { ["Quiz:SampleBank:Enabled"] = "true" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            merged[k] = v;
        }
        return LiveGame.Server(name, merged);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var seat in Seats)
        {
            await seat.DisposeAsync();
        }
        await Host.DisposeAsync();
        await Server.DisposeAsync();
    }
}
