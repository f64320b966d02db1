using Microsoft.Extensions.Logging;

namespace Quiz.Infrastructure.Redis;

/// <summary>
/// Garnet names its loggers "ArgParser", "StoreWrapper" and so on; prefixing them with "Garnet." lets one
/// <c>Logging:LogLevel:Garnet</c> setting quieten the embedded store without touching our own categories.
/// </summary>
internal sealed class GarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger("Garnet." + categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The host owns the inner factory.
    }
}
