using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;

namespace Turnos.Core.Notices;

/// <summary>What happened to an appointment that its professionals are told of.</summary>
public enum NoticeKind { New, Cancelled, Moved }

/// <summary>One professional's notice: their number and the text, in Spanish (staff read it, whatever the customer spoke).</summary>
public sealed record ProfessionalNotice(string ProfessionalId, string To, string Text);

/// <summary>
/// The short WhatsApp notices a change of an appointment gives the professionals with a number in the catalog: each is told
/// of their own part only (a visit split across professionals tells each of theirs), with service(s), day and time in the
/// business's zone and the customer's name, never the customer's phone.
/// </summary>
public static class ProfessionalNotices
{
    /// <param name="appointment">The booked or cancelled appointment; for <see cref="NoticeKind.Moved"/>, the replacement.</param>
    /// <param name="previous">For <see cref="NoticeKind.Moved"/>, the appointment it replaced (null: told as new).</param>
    public static IReadOnlyList<ProfessionalNotice> For(NoticeKind kind, Appointment appointment, Appointment? previous, BusinessSnapshot s)
    {
        var notices = new List<ProfessionalNotice>();
        var customer = string.IsNullOrWhiteSpace(appointment.Customer.Name) ? "cliente sin nombre" : appointment.Customer.Name.Trim();
        foreach (var id in Involved(appointment, kind == NoticeKind.Moved ? previous : null))
        {
            if (s.FindProfessional(id) is not { WhatsAppNumber: { } to }) continue;
            var now = Part.Of(appointment, id, s);
            var before = previous is null ? null : Part.Of(previous, id, s);
            var text = kind switch
            {
                NoticeKind.Cancelled => $"❌ Turno cancelado: {now!.Services}, {now.When}, {customer}.",
                NoticeKind.Moved when now is null => $"↪️ Turno reasignado a {Names(appointment, s)}: {before!.Services}, {before.When}, {customer}.",
                NoticeKind.Moved when before is null => $"📅 Nuevo turno: {now.Services}, {now.When}, {customer}.",
                NoticeKind.Moved when before == now => null, // their part stays as it was: nothing to tell
                NoticeKind.Moved => $"🔁 Turno reprogramado: {now.Services}, {customer}, del {before.When} al {now.When}.",
                _ => $"📅 Nuevo turno: {now!.Services}, {now.When}, {customer}.",
            };
            if (text is not null) notices.Add(new ProfessionalNotice(id, to, text));
        }
        return notices;
    }

    /// <summary>The professionals of the appointment in order of appearance, then those of the one it replaced who left it.</summary>
    private static IEnumerable<string> Involved(Appointment appointment, Appointment? previous) =>
        appointment.Visit.Concat(previous?.Visit ?? []).Select(g => g.ProfessionalId).Distinct();

    private static string Names(Appointment a, BusinessSnapshot s) =>
        SpanishFormat.List(a.Visit.Select(g => g.ProfessionalId).Distinct().Select(id => s.FindProfessional(id)?.Name ?? id));

    /// <summary>One professional's part of an appointment: their services and when the first starts ("martes 24/11 10:00").</summary>
    private sealed record Part(string Services, string When)
    {
        public static Part? Of(Appointment a, string professionalId, BusinessSnapshot s)
        {
            var segments = a.Visit.Where(g => g.ProfessionalId == professionalId).ToList();
            if (segments.Count == 0) return null;
            var local = LocalTime.ToLocal(segments[0].StartUtc, s.Business.TimeZone);
            return new Part(SpanishFormat.List(segments.Select(g => s.FindService(g.ServiceId)?.Name ?? g.ServiceId)),
                $"{SpanishFormat.Day(DateOnly.FromDateTime(local))} {SpanishFormat.Time(TimeOnly.FromDateTime(local))}");
        }
    }
}
