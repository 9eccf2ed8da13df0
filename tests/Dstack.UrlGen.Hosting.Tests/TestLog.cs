using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>Collects what the package logs (its categories only), so tests can check the retry is logged.</summary>
internal sealed class TestLog : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly TestLog _log;
        private readonly string _category;

        public Logger(TestLog log, string category)
        {
            _log = log;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => _category.StartsWith("Dstack.UrlGen", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                _log.Entries.Enqueue((_category, logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
