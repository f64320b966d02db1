using System.Net;
using System.Text;
using Quiz.Server.Tests.Support;

namespace Quiz.Server.Tests.Security;

/// <summary>A null where a list holds objects is a 400 naming the field, never a 500 from the validator itself.</summary>
public sealed class NullElementTests
{
    public static TheoryData<string, string, string> Bodies => new()
    {
        { "POST", "/api/rounds", """{"title":"空规则","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-01-02T00:00:00Z","timeLimitSeconds":60,"bankId":"b","blueprint":[null]}""" },
        { "POST", "/api/assessments", """{"title":"测评","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-01-02T00:00:00Z","timeLimitSeconds":600,"targets":{"西湖区":null}}""" },
        { "POST", "/api/contests", """{"title":"空轮次","rounds":[null]}""" },
        { "POST", "/api/contests", """{"title":"空队伍","rounds":[{"title":"一","bankId":"b","questionIds":["q"]},{"title":"二","bankId":"b","questionIds":["q"]}],"stage":{"teams":[null,{"name":"甲","members":["a"]}],"segments":[null,null]}}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_null_list_element_is_a_bad_request(string method, string url, string json)
    {
        await using var server = LiveGame.Server(nameof(NullElementTests));
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

        var response = await http.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
