using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.LanguageModel;

namespace Turnos.Functions.Tests.LanguageModel;

/// <summary>The demo salon's catalog (as in seed/demo.json) and contexts read against it.</summary>
internal static class Salon
{
    /// <summary>Monday 2026-11-23, 10:15 in Buenos Aires.</summary>
    public static readonly DateTime Now = new(2026, 11, 23, 10, 15, 0);

    public static BusinessSnapshot Snapshot { get; } = Create();

    public static UnderstandingContext Context(string text, Expectation expecting = Expectation.None) =>
        new(text, Now, Snapshot, expecting);

    public static LanguageModelUnderstanding Understanding(
        FakeChatCompletions fake, ILogger<LanguageModelUnderstanding> logger, int timeoutMilliseconds = 3500, Uri? endpoint = null) =>
        new(Options.Create(new OpenAIOptions
        {
            ApiKey = FakeChatCompletions.ApiKey,
            Endpoint = endpoint ?? fake.Endpoint,
            Model = "gpt-4o-mini",
            TimeoutMilliseconds = timeoutMilliseconds,
        }), logger);

    private static BusinessSnapshot Create()
    {
        var week = new WeeklyHours(new Dictionary<DayOfWeek, IReadOnlyList<WorkingRange>>
        {
            [DayOfWeek.Monday] = [new(540, 1140)], [DayOfWeek.Tuesday] = [new(540, 1140)], [DayOfWeek.Wednesday] = [new(540, 1140)],
            [DayOfWeek.Thursday] = [new(540, 1140)], [DayOfWeek.Friday] = [new(540, 1140)], [DayOfWeek.Saturday] = [new(540, 780)],
        });
        var business = new Business("demo", "Peluquería Demo", "America/Argentina/Buenos_Aires", ["+14155238886"],
            "Av. Corrientes 1234, Buenos Aires", new BookingPolicy(), "ARS");
        Service[] services =
        [
            new("corte", "Corte de cabello", 30, 5000m, null), new("coloracion", "Coloración", 90, 18000m, null),
            new("manicura", "Manicura", 45, 7000m, null), new("barba", "Barba", 20, 3000m, null), new("peinado", "Peinado", 45, 6000m, null),
        ];
        Professional[] professionals =
        [
            new("carlos", "Carlos Ramírez", null, week, ["corte", "coloracion", "barba", "peinado"]),
            new("lucia", "Lucía Fernández", null, week, ["corte", "coloracion", "manicura", "barba", "peinado"]),
            new("sofia", "Sofía Gómez", null, week, ["manicura", "peinado"]),
        ];
        return new BusinessSnapshot(business, services, professionals, []);
    }
}

/// <summary>Keeps every log entry, formatted, so tests can check what was (not) written.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
}
