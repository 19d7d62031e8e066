using System.Diagnostics.Metrics;
using Turnos.Core.Booking;
using Turnos.Functions.Calendar;

namespace Turnos.Functions.Observability;

/// <summary>
/// The app's own instruments, on the meter <see cref="MeterName"/> (created through <see cref="IMeterFactory"/>, so
/// every app in a process — tests start many — has its own). Tags are bounded sets: business ids, outcomes, sources
/// and reasons; never a phone number, a text or anything a customer typed.
/// </summary>
public sealed class TurnosMetrics
{
    public const string MeterName = "Turnos";

    /// <summary>Latency buckets in ms, up to Twilio's 15 s webhook budget.</summary>
    public static readonly IReadOnlyList<double> LatencyBucketsMs = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 15000];

    private readonly Counter<long> _messages;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _booked;
    private readonly Counter<long> _bookingFailed;
    private readonly Counter<long> _understanding;
    private readonly Histogram<double> _understandingDuration;
    private readonly Counter<long> _calendarCalls;
    private readonly Counter<long> _reminders;
    private readonly Counter<long> _confirmations;

    public TurnosMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(new MeterOptions(MeterName));
        var latency = new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBucketsMs };
        _messages = Meter.CreateCounter<long>("turnos.whatsapp.messages.received", "{message}",
            "WhatsApp messages received with a valid signature, by business (_shared: a shared number; _unknown: no business).");
        _turns = Meter.CreateCounter<long>("turnos.whatsapp.turns", "{turn}", "WhatsApp webhook answers by outcome.");
        _webhookDuration = Meter.CreateHistogram("turnos.whatsapp.webhook.duration", "ms",
            "Time to answer Twilio's webhook, by outcome.", tags: null, latency);
        _booked = Meter.CreateCounter<long>("turnos.bookings.succeeded", "{booking}", "New appointments booked, by source.");
        _bookingFailed = Meter.CreateCounter<long>("turnos.bookings.failed", "{booking}", "Booking attempts that booked nothing, by source and reason.");
        _understanding = Meter.CreateCounter<long>("turnos.understanding.calls", "{call}",
            "Messages understood, by source: rules, llm, or fallback (the model failed and the rules answered).");
        _understandingDuration = Meter.CreateHistogram("turnos.understanding.duration", "ms",
            "Time to understand a message, by source.", tags: null, latency);
        _calendarCalls = Meter.CreateCounter<long>("turnos.calendar.calls", "{call}",
            "Google Calendar calls by operation and outcome (done, not_connected, transient, failed).");
        _reminders = Meter.CreateCounter<long>("turnos.reminders", "{reminder}",
            "Reminders due, by outcome (sent, failed, skipped) and reason (failed: outside_window, refused, undelivered, unavailable; skipped: cancelled, rescheduled, moved, started, no_number, not_whatsapp).");
        _confirmations = Meter.CreateCounter<long>("turnos.reminders.confirmations", "{appointment}",
            "Appointments the customer confirmed by answering a reminder.");
    }

    public Meter Meter { get; }

    public void MessageReceived(string business) => _messages.Add(1, new KeyValuePair<string, object?>("business", business));

    /// <param name="outcome">One of <see cref="TurnOutcome"/>'s values.</param>
    public void Answered(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _turns.Add(1, tag);
        _webhookDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    /// <summary>A booking's result; a replay of an earlier booking (same idempotency key) is neither a success nor a failure.</summary>
    public void Booking(AppointmentSource source, BookingResult result)
    {
        var sourceTag = new KeyValuePair<string, object?>("source", SourceTag(source));
        switch (result)
        {
            case BookingResult.Booked { Replayed: false }:
                _booked.Add(1, sourceTag);
                break;
            case BookingResult.Refused refused:
                BookingFailed(source, Wire(refused.Reason));
                break;
        }
    }

    public void BookingFailed(AppointmentSource source, string reason) =>
        _bookingFailed.Add(1, new KeyValuePair<string, object?>("source", SourceTag(source)), new KeyValuePair<string, object?>("reason", reason));

    /// <param name="source"><c>rules</c>, <c>llm</c> or <c>fallback</c> (<see cref="UnderstandingSources"/>).</param>
    public void Understood(string source, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _understanding.Add(1, tag);
        _understandingDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void CalendarCall(string operation, CalendarCallOutcome outcome) =>
        _calendarCalls.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", Wire(outcome)));

    /// <param name="outcome"><c>sent</c>, <c>failed</c> or <c>skipped</c>.</param>
    /// <param name="reason">Null for sent; else a bounded reason (see the instrument's description).</param>
    public void Reminder(string outcome, string? reason) =>
        _reminders.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("reason", reason ?? ""));

    public void ReminderConfirmed() => _confirmations.Add(1);

    /// <summary><c>whatsapp</c>, <c>admin</c> or <c>api</c>.</summary>
    public static string SourceTag(AppointmentSource source) => source.ToString().ToLowerInvariant();

    /// <summary>An enum value as a tag: <c>SlotUnavailable</c> → <c>slot_unavailable</c>.</summary>
    public static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum =>
        System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

/// <summary>How the webhook answered a message (the <c>outcome</c> tag).</summary>
public static class TurnOutcome
{
    /// <summary>Handed to its conversation, which answers through the Messages API.</summary>
    public const string HandedOver = "handed_over";
    public const string Duplicate = "duplicate";
    public const string InProgress = "in_progress";
    public const string Error = "error";
    public const string NoText = "no_text";
    public const string UnknownNumber = "unknown_number";
    /// <summary>A shared number asked which business the customer means.</summary>
    public const string AskedBusiness = "asked_business";
    public const string Forbidden = "forbidden";
    public const string BadRequest = "bad_request";
}

public static class UnderstandingSources
{
    public const string Rules = "rules";
    public const string LanguageModel = "llm";
    public const string Fallback = "fallback";
}
