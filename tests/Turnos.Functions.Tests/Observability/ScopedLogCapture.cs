using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Turnos.Functions.Tests.Observability;

/// <summary>Every log entry with its formatted text, exception and the name/value pairs of every scope around it.</summary>
internal sealed class ScopedLogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public sealed record Entry(string Category, LogLevel Level, string Message, string? Exception, IReadOnlyDictionary<string, string?> Scope)
    {
        /// <summary>Everything of the entry a log store would keep.</summary>
        public string Everything => $"{Category} {Message} {Exception} {string.Join(' ', Scope.Select(s => $"{s.Key}={s.Value}"))}";
    }

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(ScopedLogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, string?>();
            capture._scopes.ForEachScope((value, into) =>
            {
                if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, item) in pairs) into[key] = item?.ToString();
                else if (value is not null) into[value.GetType().Name] = value.ToString();
            }, scope);
            capture.Entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception?.ToString(), scope));
        }
    }
}
