using Turnos.Core.Availability;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Conversations;
using Turnos.Functions.Availability;

namespace Turnos.Functions.Admin.Api;

/// <summary>
/// Why a booking or a move was refused, as ProblemDetails. The time being held by someone or something
/// else (an appointment, a block, a busy time in Google) is a 409 conflict; a time the business's rules
/// never allow (outside hours, closed day, past, too soon, beyond the horizon) is a 400 on <c>start</c>.
/// Both carry <c>reason</c> and up to three <c>alternatives</c>.
/// </summary>
public sealed class BookingProblems(AvailabilityService availability, TimeProvider time)
{
    public const int AlternativeCount = 3;

    /// <summary>How many days from the day asked alternatives are looked for.</summary>
    private const int SearchDays = 7;

    /// <param name="visit">Every service of a visit (two or more), whose alternatives are whole visits.</param>
    public async Task<IResult> RefusedAsync(BusinessSnapshot s, BookingRefusal refusal, UnavailableReason? slot,
        string serviceId, string? professionalId, DateTimeOffset startUtc, int? durationMinutes, CancellationToken ct,
        IReadOnlyList<string>? visit = null)
    {
        switch (refusal)
        {
            case BookingRefusal.UnknownBusiness: return ApiProblems.BusinessNotFound(s.Business.Id);
            case BookingRefusal.UnknownService: return ApiProblems.Field("serviceId", $"'{serviceId}' is not a service of this business");
            case BookingRefusal.UnknownProfessional: return ApiProblems.Field("professionalId", $"'{professionalId}' is not a professional of this business");
            case BookingRefusal.ProfessionalDoesNotOfferService:
                return ApiProblems.Field("professionalId", $"'{professionalId}' does not offer the service '{serviceId}'");
            case BookingRefusal.InvalidStart: return ApiProblems.Field("start", "must fall on a 5-minute boundary");
            case BookingRefusal.InvalidDuration:
                return ApiProblems.Field("start", "the appointment's duration no longer fits this business's rules; book it anew");
            case BookingRefusal.InProgress:
                return ApiProblems.Conflict("Booking in progress",
                    "Another request with the same idempotency key is still being processed; repeat this one in a moment.");
        }
        var reason = slot ?? UnavailableReason.Booked;
        var extensions = new Dictionary<string, object?>
        {
            ["reason"] = ReasonCode(reason),
            ["alternatives"] = visit is { Count: > 1 }
                ? await VisitAlternativesAsync(s, visit, professionalId, startUtc, ct)
                : await AlternativesAsync(s, serviceId, professionalId, startUtc, durationMinutes, ct),
        };
        return reason is UnavailableReason.Booked or UnavailableReason.Blocked
            ? ApiProblems.Conflict("Time not available", $"{CatalogViews.Local(startUtc, s)} {Message(reason, s)}.", extensions)
            : ApiProblems.Field("start", $"{CatalogViews.Local(startUtc, s)} {Message(reason, s)}", extensions);
    }

    /// <summary>The nearest free starts: on the day asked, closest to the time asked; then the following days, earliest first.</summary>
    public async Task<List<AlternativeView>> AlternativesAsync(BusinessSnapshot s, string serviceId, string? professionalId,
        DateTimeOffset startUtc, int? durationMinutes, CancellationToken ct)
    {
        var zone = s.Business.TimeZone;
        var day = LocalTime.Today(startUtc, zone);
        var today = LocalTime.Today(time.GetUtcNow(), zone);
        var from = day < today ? today : day;
        var query = new AvailabilityQuery(serviceId, professionalId, from, SearchDays, DurationMinutes: durationMinutes);
        var outcome = await availability.GetAsync(s.Business.Id, query, ct);
        if (outcome is not { IsSuccess: true }) return [];
        var free = outcome.Result.Days.Select(d => (d.Date, Starts: d.Professionals
                .SelectMany(p => p.Slots.Where(x => x.Available && x.StartUtc != startUtc).Select(x => (x.StartUtc, p.ProfessionalId)))
                .GroupBy(x => x.StartUtc).Select(g => g.First()).ToList()))
            .ToList();
        var picked = free.Where(d => d.Date == day).SelectMany(d => d.Starts)
            .OrderBy(x => Math.Abs((x.StartUtc - startUtc).Ticks)).Take(AlternativeCount).OrderBy(x => x.StartUtc).ToList();
        picked.AddRange(free.Where(d => d.Date != day).SelectMany(d => d.Starts.OrderBy(x => x.StartUtc)).Take(AlternativeCount - picked.Count));
        return [.. picked.Select(x => new AlternativeView(CatalogViews.Local(x.StartUtc, s), x.StartUtc, x.ProfessionalId))];
    }

    /// <summary>As the chat offers them: whole visits, one professional for the span when free, else split.</summary>
    private async Task<List<AlternativeView>> VisitAlternativesAsync(BusinessSnapshot s, IReadOnlyList<string> visit, string? professionalId,
        DateTimeOffset startUtc, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = LocalTime.Today(now, s.Business.TimeZone);
        var day = LocalTime.Today(startUtc, s.Business.TimeZone);
        var from = day < today ? today : day;
        var busy = await availability.BusyAsync(s, from, SearchDays, ct);
        var facts = new TurnFacts(s, busy, from, from.AddDays(SearchDays - 1), now);
        return [.. VisitOffers.Alternatives(facts, visit, professionalId, startUtc)
            .Select(o => new AlternativeView(CatalogViews.Local(o.StartUtc, s), o.StartUtc, o.ProfessionalId, o.Team))];
    }

    public static string ReasonCode(UnavailableReason reason) => reason switch
    {
        UnavailableReason.OutsideHours => "outsideHours",
        UnavailableReason.Booked => "booked",
        UnavailableReason.Blocked => "blocked",
        UnavailableReason.TooSoon => "tooSoon",
        UnavailableReason.Past => "past",
        UnavailableReason.BeyondHorizon => "beyondHorizon",
        _ => "closedDay",
    };

    private static string Message(UnavailableReason reason, BusinessSnapshot s) => reason switch
    {
        UnavailableReason.Booked => "is taken",
        UnavailableReason.Blocked => "is blocked (time off or a holiday)",
        UnavailableReason.OutsideHours => "is outside the working hours",
        UnavailableReason.TooSoon => $"is sooner than the business's minimum notice of {s.Business.Policy.MinimumNoticeMinutes} minutes",
        UnavailableReason.Past => "is in the past",
        UnavailableReason.BeyondHorizon => $"is beyond the booking horizon of {s.Business.Policy.MaximumHorizonDays} days",
        _ => "falls on a day without working hours",
    };
}
