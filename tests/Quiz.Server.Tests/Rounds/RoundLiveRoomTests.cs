using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Quiz.Contracts;
using Quiz.Core.Contests;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>
/// An online round's pool is its contest's question snapshot. Its live room must stay shut: a host move there would
/// show the pool's questions, and reveal their keys, to anyone watching while the round is still open.
/// </summary>
public sealed class RoundLiveRoomTests
{
    [Fact]
    public async Task The_host_key_of_an_online_round_cannot_open_its_questions_in_a_live_room()
    {
        await using var kit = await RoundKit.StartAsync(nameof(RoundLiveRoomTests));
        await using var host = await LiveClient.ConnectAsync(kit.Server.BaseAddress);
        await host.Connection.CallAsync<HostSession>(HubMethods.HostRoom, new HostRoomRequest(kit.ContestId, kit.HostKey));

        var start = await Assert.ThrowsAsync<HubRefused>(() => host.ControlAsync(HostMoves.Start));

        Assert.Contains("online_round", start.Message, StringComparison.Ordinal);
    }
}
