using Turnos.Core.Booking;
using Turnos.Core.Businesses;

namespace Turnos.Core.Conversations;

/// <summary>How a visit of several services reads: each service with its time and professional, then the total
/// duration and price, in Spanish and English.</summary>
internal static class VisitText
{
    public static string Spanish(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s)
    {
        var segments = Visit.Segments(visit, slot.ProfessionalId, slot.StartUtc, slot.Team);
        var zone = s.Business.TimeZone;
        string At(DateTimeOffset utc) => SpanishFormat.Time(TimeOnly.FromDateTime(LocalTime.ToLocal(utc, zone)));
        var lines = segments.Select((g, i) => $"• {At(g.StartUtc)} *{visit[i].Name}* con {ProfessionalName(g, s)}");
        return $"{intro}\n📅 {SpanishFormat.LongDay(DateOnly.FromDateTime(LocalTime.ToLocal(slot.StartUtc, zone)))}, de {At(segments[0].StartUtc)} a {At(segments[^1].EndUtc)}\n" +
            string.Join("\n", lines) + $"\n⏱️ Duración total: {SpanishFormat.Minutes(Visit.TotalMinutes(visit))}" +
            $"\n💲 Total: {SpanishFormat.Price(Visit.TotalPrice(visit), s.Business.Currency)}";
    }

    public static string English(string intro, IReadOnlyList<Service> visit, OfferedSlot slot, BusinessSnapshot s)
    {
        var segments = Visit.Segments(visit, slot.ProfessionalId, slot.StartUtc, slot.Team);
        var zone = s.Business.TimeZone;
        string At(DateTimeOffset utc) => EnglishFormat.Time(TimeOnly.FromDateTime(LocalTime.ToLocal(utc, zone)));
        var lines = segments.Select((g, i) => $"• {At(g.StartUtc)} *{visit[i].Name}* with {ProfessionalName(g, s)}");
        return $"{intro}\n📅 {EnglishFormat.Day(DateOnly.FromDateTime(LocalTime.ToLocal(slot.StartUtc, zone)))}, {At(segments[0].StartUtc)} to {At(segments[^1].EndUtc)}\n" +
            string.Join("\n", lines) + $"\n⏱️ Total time: {EnglishFormat.Minutes(Visit.TotalMinutes(visit))}" +
            $"\n💲 Total: {EnglishFormat.Price(Visit.TotalPrice(visit), s.Business.Currency)}";
    }

    /// <summary>First names of whoever takes part, in order of appearance ("Carlos", or "Carlos" and "Sofía" for a split visit).</summary>
    public static IEnumerable<string> FirstNames(OfferedSlot slot, BusinessSnapshot s) =>
        (slot.Team ?? [slot.ProfessionalId]).Distinct().Select(id => SpanishFormat.FirstName(s.FindProfessional(id)?.Name ?? id));

    public static string Names(IReadOnlyList<string> serviceIds, BusinessSnapshot s, string and)
    {
        var names = serviceIds.Select(id => s.FindService(id)?.Name ?? id).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])}{and}{names[^1]}";
    }

    /// <summary>The catalog services of a booked appointment or visit (a service since removed from the catalog is left out).</summary>
    public static IReadOnlyList<Service> Services(Appointment a, BusinessSnapshot s) =>
        [.. a.Visit.Select(g => s.FindService(g.ServiceId)).OfType<Service>()];

    public static OfferedSlot Slot(Appointment a) => new(a.ProfessionalId, a.StartUtc, Visit.TeamOf(a.Visit));

    private static string ProfessionalName(VisitSegment g, BusinessSnapshot s) => s.FindProfessional(g.ProfessionalId)?.Name ?? g.ProfessionalId;
}
