using Turnos.Core.Booking;

namespace Turnos.Functions.Tests.Support;

/// <summary>The demo business (seed/demo.json) as tests use it: Buenos Aires time, UTC-3 all year.</summary>
public static class Demo
{
    public const string Id = "demo";
    private static readonly TimeSpan Offset = TimeSpan.FromHours(-3);

    /// <summary>Tests run on Monday 2026-11-23 at 12:00 local (TurnosFactory.DefaultNow); the Tuesday
    /// after is a normal working day.</summary>
    public static readonly DateTimeOffset Tuesday10 = At(2026, 11, 24, 10);

    /// <summary>A Buenos Aires wall time as the UTC instant the app stores.</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, Offset).ToUniversalTime();

    public static CustomerInfo Customer(int n = 1) => new($"Cliente {n}", $"+5491100{n:000000}", $"cliente{n}@example.com");

    public static BookingRequest Request(string service, string? professional, DateTimeOffset startUtc, int customer = 1, string? key = null) =>
        new(Id, service, professional, startUtc, Customer(customer), AppointmentSource.Api, key);
}
