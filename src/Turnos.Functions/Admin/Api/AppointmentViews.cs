using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Reminders;

namespace Turnos.Functions.Admin.Api;

public sealed record CustomerView(string Name, string Phone, string? Email);

/// <param name="Code">The 6-character code the customer was given.</param>
/// <param name="Status"><c>booked</c>, <c>confirmed</c> (booked, and the customer confirmed it answering a reminder),
/// <c>cancelled</c> or <c>rescheduled</c> (moved: see <paramref name="RescheduledToId"/>).</param>
/// <param name="Start">The business's local wall time, <c>yyyy-MM-ddTHH:mm</c>.</param>
/// <param name="Source"><c>whatsapp</c>, <c>admin</c>, <c>api</c>, <c>chat</c> (the chat API) or <c>web</c> (the widget).</param>
/// <param name="Services">Every service in order with its professional and times: one, or a visit's several back to back
/// (<paramref name="ServiceId"/> and <paramref name="ProfessionalId"/> are then the first's, the times span the visit).</param>
/// <param name="ConfirmedAt">When the customer confirmed it; null: not (yet).</param>
/// <param name="NoShowAt">When staff marked that the customer did not come; null: not marked.</param>
/// <param name="Reminders">Its reminders (sent, failed, skipped, or pending); only when one appointment is read.</param>
public sealed record AppointmentView(
    string Id, string Code, string Status, string ServiceId, string? ServiceName, string ProfessionalId, string? ProfessionalName,
    string Start, string End, DateTimeOffset StartUtc, DateTimeOffset EndUtc, CustomerView Customer, string Source,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RescheduledFromId, string? RescheduledToId,
    IReadOnlyList<AppointmentServiceView> Services, DateTimeOffset? ConfirmedAt, DateTimeOffset? NoShowAt,
    IReadOnlyList<ReminderView>? Reminders = null);

/// <param name="State"><c>pending</c>, <c>sent</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Due">The business's local time it is (was) due.</param>
/// <param name="At">When it was sent, failed or skipped.</param>
/// <param name="Reason">Why it failed or was skipped; <paramref name="ErrorCode"/> is Twilio's (63016: outside the 24-hour window).</param>
public sealed record ReminderView(int MinutesBefore, string Due, DateTimeOffset DueUtc, string State, DateTimeOffset? At, string? Reason, int? ErrorCode);

/// <summary>A free start offered instead of the one refused; for a visit split across professionals, <paramref name="Team"/>
/// names who does each service.</summary>
public sealed record AlternativeView(string Start, DateTimeOffset StartUtc, string ProfessionalId, IReadOnlyList<string>? Team = null);

/// <summary>One service of an appointment (a visit has several, back to back) with who does it and when (local times).</summary>
public sealed record AppointmentServiceView(string ServiceId, string? ServiceName, string ProfessionalId, string? ProfessionalName,
    string Start, string End);

internal static class AppointmentViews
{
    public static AppointmentView Of(Appointment a, BusinessSnapshot s) => new(
        a.Id, a.Code, Status(a), a.ServiceId, s.FindService(a.ServiceId)?.Name, a.ProfessionalId, s.FindProfessional(a.ProfessionalId)?.Name,
        CatalogViews.Local(a.StartUtc, s), CatalogViews.Local(a.EndUtc, s), a.StartUtc, a.EndUtc,
        new CustomerView(a.Customer.Name, a.Customer.Phone, a.Customer.Email), Source(a.Source),
        a.CreatedUtc, a.UpdatedUtc, a.RescheduledFromId, a.RescheduledToId,
        [.. a.Visit.Select(v => new AppointmentServiceView(v.ServiceId, s.FindService(v.ServiceId)?.Name, v.ProfessionalId,
            s.FindProfessional(v.ProfessionalId)?.Name, CatalogViews.Local(v.StartUtc, s), CatalogViews.Local(v.EndUtc, s)))],
        a.ConfirmedUtc, a.NoShowUtc);

    /// <summary>The recorded reminders, and those the policy still has ahead of a booked appointment as pending.</summary>
    public static AppointmentView WithReminders(AppointmentView view, Appointment a, BusinessSnapshot s, IReadOnlyList<ReminderRecord> records,
        DateTimeOffset now)
    {
        var pending = a.Status != AppointmentStatus.Booked ? [] : ReminderPlan.For(a.StartUtc, s.Business.Policy.RemindersMinutesBefore, now)
            .Where(d => records.All(r => r.MinutesBefore != d.MinutesBefore))
            .Select(d => new ReminderView(d.MinutesBefore, CatalogViews.Local(d.DueUtc, s), d.DueUtc, "pending", null, null, null));
        var done = records.Select(r => new ReminderView(r.MinutesBefore, CatalogViews.Local(r.DueUtc, s), r.DueUtc,
            r.State.ToString().ToLowerInvariant(), r.AtUtc, r.Reason, r.ErrorCode));
        return view with { Reminders = [.. done.Concat(pending).OrderBy(r => r.DueUtc)] };
    }

    public static string Status(Appointment a) => a.Status == AppointmentStatus.Booked && a.ConfirmedUtc is not null ? "confirmed" : Status(a.Status);

    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "booked",
        AppointmentStatus.Cancelled => "cancelled",
        _ => "rescheduled",
    };

    public static readonly IReadOnlyList<string> Statuses = ["booked", "confirmed", "cancelled", "rescheduled"];

    /// <summary>Whether <paramref name="a"/> is listed under <paramref name="status"/>: <c>booked</c> takes the confirmed too.</summary>
    public static bool HasStatus(Appointment a, string status) => status == "booked" ? a.Status == AppointmentStatus.Booked : Status(a) == status;

    private static string Source(AppointmentSource source) => source switch
    {
        AppointmentSource.WhatsApp => "whatsapp",
        AppointmentSource.Admin => "admin",
        AppointmentSource.Chat => "chat",
        AppointmentSource.Web => "web",
        _ => "api",
    };
}
