using System.Text.Json.Serialization;
using Turnos.Core.Businesses;

namespace Turnos.Core.Booking;

public enum AppointmentStatus { Booked, Cancelled, Rescheduled }

/// <summary>Where an appointment was booked: a WhatsApp conversation, the console or admin API, the availability API, the
/// source system's chat API (<c>POST /api/chat</c>) or the web chat widget.</summary>
public enum AppointmentSource { WhatsApp, Admin, Api, Chat, Web }

public sealed record CustomerInfo(string Name, string Phone, string? Email);

/// <summary>
/// A booked (or formerly booked) appointment. Instants are UTC. The buffers are those in force when it
/// was booked, so a later policy change does not move the time it holds. <see cref="WorkDay"/> is the
/// local date of the working day it belongs to (the day its working range starts on).
/// A visit of several services is one appointment: <see cref="Segments"/> lists each service with its professional
/// and times (null for one service), <see cref="ServiceId"/> and <see cref="ProfessionalId"/> are the first segment's,
/// <see cref="StartUtc"/> and <see cref="EndUtc"/> span the whole visit.
/// <see cref="ConfirmedUtc"/> is when the customer confirmed it (answering a reminder); it stays
/// <see cref="AppointmentStatus.Booked"/>, confirmed is shown beside. <see cref="NoShowUtc"/> is when staff marked that the
/// customer did not come. <see cref="Language"/> is the language of the conversation that booked it (null: the business's
/// own), which what is written about it (the calendar event) follows.
/// </summary>
public sealed record Appointment(
    string Id,
    string Code,
    string BusinessId,
    string ServiceId,
    string ProfessionalId,
    CustomerInfo Customer,
    DateTimeOffset StartUtc,
    DateTimeOffset EndUtc,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    DateOnly WorkDay,
    AppointmentStatus Status,
    AppointmentSource Source,
    string? IdempotencyKey,
    string? CalendarEventId,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string? RescheduledFromId = null,
    string? RescheduledToId = null,
    IReadOnlyList<VisitSegment>? Segments = null,
    DateTimeOffset? ConfirmedUtc = null,
    DateTimeOffset? NoShowUtc = null,
    Language? Language = null)
{
    /// <summary>Every service with its professional and times: the one service of a plain appointment, or the visit's.</summary>
    [JsonIgnore]
    public IReadOnlyList<VisitSegment> Visit =>
        Segments is { Count: > 0 } visit ? visit : [new VisitSegment(ServiceId, ProfessionalId, StartUtc, EndUtc)];

    [JsonIgnore]
    public bool IsVisit => Segments is { Count: > 1 };

    /// <summary>The time this appointment keeps the professional busy, buffers included.</summary>
    public DateTimeOffset HeldFromUtc => StartUtc.AddMinutes(-BufferBeforeMinutes);

    public DateTimeOffset HeldUntilUtc => EndUtc.AddMinutes(BufferAfterMinutes);
}

/// <summary>A customer, recognised by phone within a business.</summary>
public sealed record Customer(
    string BusinessId,
    string Phone,
    string? Name,
    string? Email,
    IReadOnlyList<string> AppointmentIds,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    LastReminder? LastReminder = null);

/// <summary>The appointment the customer was last reminded of, so an answer ("1", "confirmo") is about that one.</summary>
public sealed record LastReminder(string AppointmentId, DateTimeOffset SentUtc);
