using Microsoft.Extensions.Logging;
using Quiz.Server.Tests.Support;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// Reads the setup code from the server's log, as the person at the terminal does: a logger provider that keeps the
/// line with the code. The server logs it before it reports started, so it is there when the server fixture is.
/// </summary>
public sealed class SetupCodeLog : ILoggerProvider
{
    private string? _line;

    public string Code => ServerProcess.SetupCodeIn(_line ?? throw new InvalidOperationException("The server printed no setup code"));

    public ILogger CreateLogger(string categoryName) => new Capture(this);

    public void Dispose()
    {
    }

    private sealed class Capture(SetupCodeLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = formatter(state, exception);
            if (line.Contains("setup code", StringComparison.Ordinal))
            {
                log._line = line;
            }
        }
    }
}
