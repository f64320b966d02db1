using System.Net.Http.Json;
using System.Text.Json;
using Quiz.Core.Stage;

namespace Quiz.Server.Tests.Stage;

/// <summary>Seat codes are credentials (a code buzzes for its team): handing them out is in the audit log with who asked.</summary>
public sealed class SeatCodeAuditTests
{
    [Fact]
    public async Task Handing_out_the_seat_codes_is_audited()
    {
        var server = StageGame.ServerWithSampleBank(nameof(SeatCodeAuditTests));
        var template = await StageGame.TemplateAsync(server, StageTemplates.Cadres);
        await using var game = await StageGame.CreateAsync(server, template);

        using var admin = server.CreateHttpClient();
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/audit?take=500");

        var handed = Assert.Single(audit!, e => e.GetProperty("action").GetString() == "GetSeats");
        Assert.Equal($"contest:{game.Contest.ContestId}", handed.GetProperty("target").GetString());
        Assert.Equal("done", handed.GetProperty("outcome").GetString());
        Assert.StartsWith("host-key:", handed.GetProperty("actor").GetString(), StringComparison.Ordinal);
    }
}
