using Microsoft.Extensions.Logging;

namespace Quiz.Infrastructure.Redis;

internal static partial class RedisLog
{
    [LoggerMessage(1, LogLevel.Error, "Redis at {Endpoint} is not reachable ({FailureType}); the server reports not-ready and keeps retrying.")]
    public static partial void Unreachable(ILogger logger, string endpoint, string failureType);

    [LoggerMessage(2, LogLevel.Information, "Redis at {Endpoint} is reachable again.")]
    public static partial void Restored(ILogger logger, string endpoint);

    [LoggerMessage(3, LogLevel.Information, "Using Redis at {Endpoints}.")]
    public static partial void UsingExternal(ILogger logger, string endpoints);
}
