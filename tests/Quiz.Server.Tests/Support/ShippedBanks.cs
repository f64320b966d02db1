using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Contracts.Banks;
using Quiz.Infrastructure.Redis;
using Quiz.Server.Hosting;
using StackExchange.Redis;

namespace Quiz.Server.Tests.Support;

/// <summary>
/// A server with the shipped banks enabled imports them in the background, the sample one file at a time, so a bank
/// that already lists questions may still be short of some (a template drawn from it then fails). This waits for the
/// import's own "done" markers.
/// </summary>
public static class ShippedBanks
{
    /// <summary>Waits until both shipped banks are fully in; returns the sample bank's id.</summary>
    public static async Task<string> WaitAsync(QuizServer server)
    {
        var db = server.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var keys = server.Services.GetRequiredService<RedisKeys>();
        for (var attempt = 0; ; attempt++)
        {
            if (await db.StringGetAsync(keys.Meta(SampleBank.SampleMarker)) == "done"
                && await db.StringGetAsync(keys.Meta(SampleBank.AssessmentMarker)) == "done")
            {
                break;
            }
            Assert.True(attempt < 300, "the shipped banks were not imported within a minute");
            await Task.Delay(200);
        }
        using var http = server.CreateHttpClient();
        var banks = await http.GetFromJsonAsync<List<BankDto>>("/api/banks"); // web defaults, as the API writes
        return banks!.Single(b => b.Name == SampleBank.BankName).Id;
    }
}
