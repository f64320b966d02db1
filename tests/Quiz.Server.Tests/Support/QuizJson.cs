using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quiz.Server.Tests.Support;

public static class QuizJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
