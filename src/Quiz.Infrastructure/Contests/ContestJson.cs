using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quiz.Infrastructure.Contests;

/// <summary>How contest documents are written to Redis: camelCase, enums by name, compact.</summary>
internal static class ContestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
