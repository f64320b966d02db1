using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Quiz.Browser.Tests.Support;

/// <summary>
/// Reads the setup code from the server's log, as the person at the terminal does: a logger provider that keeps the
/// line with the code. The server logs it before it reports started, so it is there when the server fixture is.
/// </summary>
public sealed partial class SetupCodeLog : ILoggerProvider
{
    private string? _line;

    public string Code => SetupCode().Match(_line ?? throw new InvalidOperationException("The server printed no setup code")).Value;

    public ILogger CreateLogger(string categoryName) => new Capture(this);

    public void Dispose()
    {
    }

    [GeneratedRegex("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}")]
    private static partial Regex SetupCode();

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
