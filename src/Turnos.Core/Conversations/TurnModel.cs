using System.Text.Json.Serialization;
using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>
/// What the app loaded for this turn: the business, the time professionals are already held from
/// <see cref="BusyFrom"/> to <see cref="BusyUntil"/> (local dates, inclusive), and the customer's
/// known profile and upcoming appointments; <see cref="Reminder"/> the appointment their last reminder was about, when
/// that reminder may still be waiting for an answer (<see cref="ConversationEngine.AwaitsAnswer"/>); <see cref="Channel"/>
/// where the message came from.
/// </summary>
public sealed record TurnFacts(
    BusinessSnapshot Business,
    IReadOnlyList<BusyInterval> Busy,
    DateOnly BusyFrom,
    DateOnly BusyUntil,
    DateTimeOffset NowUtc,
    string? KnownName = null,
    string? KnownEmail = null,
    IReadOnlyList<Appointment>? Upcoming = null,
    Reminded? Reminder = null,
    Channel Channel = Channel.WhatsApp)
{
    public TimeZoneInfo Zone { get; } = Business.Business.TimeZone;
}

/// <summary>Where a conversation takes place. <see cref="ChatApi"/>, the source system's gateway (<c>POST /api/chat</c>),
/// keeps that system's ways: an appointment nobody named a service for is the business's chat service, and the name and
/// email asked "to confirm" a time the customer chose book it.</summary>
public enum Channel { WhatsApp, Web, ChatApi }

/// <summary>The appointment a reminder was about, as it is now (it may have been cancelled, moved or gone by since), and
/// when the reminder went out.</summary>
public sealed record Reminded(Appointment Appointment, DateTimeOffset SentUtc)
{
    [JsonIgnore]
    public LastReminder Ref => new(Appointment.Id, SentUtc);
}

/// <summary>Side effects a turn asks for. The app runs them (idempotently) and reports back.</summary>
public abstract record TurnEffect
{
    private TurnEffect() { }

    /// <param name="ServiceIds">Every service of a visit, in order (null for one service: <paramref name="ServiceId"/>).</param>
    /// <param name="Team">For a visit split across professionals, the professional of each service; null: one does all.</param>
    public sealed record Book(string ServiceId, string ProfessionalId, DateTimeOffset StartUtc, string Name, string? Email,
        IReadOnlyList<string>? ServiceIds = null, IReadOnlyList<string>? Team = null) : TurnEffect;

    public sealed record Cancel(string AppointmentId) : TurnEffect;

    /// <summary>The customer confirmed they will come (answering a reminder).</summary>
    public sealed record Confirm(string AppointmentId) : TurnEffect;

    /// <param name="Team">As in <see cref="Book"/>: the visit's professionals at the new time when split.</param>
    public sealed record Reschedule(string AppointmentId, string ProfessionalId, DateTimeOffset StartUtc, IReadOnlyList<string>? Team = null) : TurnEffect;

    /// <summary>The customer asked for a person: flag the conversation for the business.</summary>
    public sealed record FlagForHuman : TurnEffect;
}

/// <summary>How an effect went, fed back to <see cref="ConversationEngine.Complete"/>.</summary>
public abstract record EffectOutcome
{
    private EffectOutcome() { }

    public sealed record Booked(Appointment Appointment) : EffectOutcome;

    public sealed record Cancelled(Appointment Appointment) : EffectOutcome;

    public sealed record Rescheduled(Appointment Replacement) : EffectOutcome;

    public sealed record Confirmed(Appointment Appointment) : EffectOutcome;

    /// <summary>The slot went to someone else (or the rules now refuse it); offer alternatives.</summary>
    public sealed record SlotLost(UnavailableReason? Reason) : EffectOutcome;

    /// <summary>The appointment is no longer active (cancelled or moved meanwhile).</summary>
    public sealed record NotActive : EffectOutcome;

    public sealed record Done : EffectOutcome;
}

/// <param name="Effect">At most one effect per turn; its outcome completes the replies.</param>
public sealed record TurnDecision(ConversationState State, IReadOnlyList<string> Replies, TurnEffect? Effect = null);
