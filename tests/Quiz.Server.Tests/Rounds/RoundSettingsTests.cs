using System.Net;
using System.Text;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Rounds;

/// <summary>Enum settings given as numbers must name a defined value: 7 is neither partial credit nor none, and scoring would guess.</summary>
public sealed class RoundSettingsTests
{
    [Theory]
    [InlineData("partialCredit", "7")]
    [InlineData("results", "-1")]
    public async Task An_undefined_enum_number_is_refused_on_its_field(string field, string value)
    {
        await using var server = LiveGame.Server(nameof(RoundSettingsTests));
        var (bankId, _) = await LiveGame.ImportBankAsync(server);
        using var http = server.CreateHttpClient();
        var json = $$"""{"title":"枚举","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-01-02T00:00:00Z","timeLimitSeconds":60,"bankId":"{{bankId}}","blueprint":[{"count":3}],"{{field}}":{{value}}}""";

        var response = await http.PostAsync("/api/rounds", new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Contains(field, body, StringComparison.Ordinal);
    }
}
