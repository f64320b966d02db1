using System.Text.Json;
using System.Text.Json.Serialization;
using Quiz.Core.Banks;

namespace Quiz.Infrastructure.Banks;

/// <summary>How a question is stored: JSON with readable enum names, so a look with redis-cli makes sense.</summary>
internal static class QuestionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(Question question) => JsonSerializer.Serialize(question, Options);

    public static Question Read(string json) =>
        JsonSerializer.Deserialize<Question>(json, Options) ?? throw new JsonException("a stored question is null");
}
