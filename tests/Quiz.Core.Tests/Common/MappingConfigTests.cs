using Quiz.Core.Common;

namespace Quiz.Core.Tests.Common;

public sealed class MappingConfigTests
{
    /// <summary>Compiles every registered mapping and fails on any destination member without a source.</summary>
    [Fact]
    public void Every_mapping_compiles_and_is_complete()
    {
        var config = MappingConfig.Create();
        config.Compile();
        Assert.True(config.RequireDestinationMemberSource);
    }
}
