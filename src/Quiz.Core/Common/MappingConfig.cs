using Mapster;

namespace Quiz.Core.Common;

/// <summary>
/// The one Mapster configuration: every mapping at the edges is registered here, and a test compiles and validates it.
/// </summary>
public static class MappingConfig
{
    public static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig();
        // A destination member with no source is a mistake, not a default.
        config.RequireDestinationMemberSource = true;
        config.Scan(typeof(MappingConfig).Assembly);
        return config;
    }
}
