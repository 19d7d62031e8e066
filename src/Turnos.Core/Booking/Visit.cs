using Turnos.Core.Availability;
using Turnos.Core.Businesses;

namespace Turnos.Core.Booking;

/// <summary>One service of a visit: who does it, and when. Instants are UTC.</summary>
public sealed record VisitSegment(string ServiceId, string ProfessionalId, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

/// <summary>A visit planned at one start: its services back to back, or why it cannot be.</summary>
public sealed record VisitPlan(IReadOnlyList<VisitSegment>? Segments, UnavailableReason? Reason = null)
{
    public bool Planned => Segments is { Count: > 0 };

    /// <summary>The professional of each segment when they are not all the same one; null for one professional.</summary>
    public IReadOnlyList<string>? Team => Visit.TeamOf(Segments ?? []);
}

/// <summary>Several services back to back ("corte y barba", "manicura y pedicura"): one visit, one booking.</summary>
public static class Visit
{
    /// <summary>The segments of services done back to back from <paramref name="startUtc"/>, by the professional
    /// <paramref name="team"/> names for each (null: <paramref name="professionalId"/> does all of them).</summary>
    public static IReadOnlyList<VisitSegment> Segments(IReadOnlyList<Service> services, string professionalId, DateTimeOffset startUtc,
        IReadOnlyList<string>? team = null)
    {
        var segments = new List<VisitSegment>(services.Count);
        var at = startUtc;
        for (var i = 0; i < services.Count; i++)
        {
            var end = at.AddMinutes(services[i].DurationMinutes);
            segments.Add(new VisitSegment(services[i].Id, team is { } t && i < t.Count ? t[i] : professionalId, at, end));
            at = end;
        }
        return ValueList.Of(segments);
    }

    /// <summary>Each segment's professional when more than one takes part, else null.</summary>
    public static IReadOnlyList<string>? TeamOf(IReadOnlyList<VisitSegment> segments) =>
        segments.Select(s => s.ProfessionalId).Distinct().Count() > 1 ? ValueList.Of(segments.Select(s => s.ProfessionalId)) : null;

    public static int TotalMinutes(IEnumerable<Service> services) => services.Sum(s => s.DurationMinutes);

    public static decimal TotalPrice(IEnumerable<Service> services) => services.Sum(s => s.Price);
}
