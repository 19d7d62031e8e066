using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Tests.Calendar.Vault;

/// <summary>Every message logged at any level, formatted, so tests can check no token is ever in one.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}

/// <summary>An in-memory vault that counts how often it is used.</summary>
internal sealed class CountingVault : ITokenVault
{
    private readonly ConcurrentDictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private int _reads, _writes, _deletes;

    public int Reads => _reads;
    public int Writes => _writes;
    public int Deletes => _deletes;

    public string? this[string businessId]
    {
        get => _tokens.TryGetValue(businessId, out var token) ? token : null;
        set
        {
            if (value is null) _tokens.TryRemove(businessId, out _);
            else _tokens[businessId] = value;
        }
    }

    public Task<string?> GetRefreshTokenAsync(string businessId, CancellationToken ct)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(this[businessId]);
    }

    public Task SetRefreshTokenAsync(string businessId, string refreshToken, CancellationToken ct)
    {
        Interlocked.Increment(ref _writes);
        this[businessId] = refreshToken;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string businessId, CancellationToken ct)
    {
        Interlocked.Increment(ref _deletes);
        this[businessId] = null;
        return Task.CompletedTask;
    }
}
