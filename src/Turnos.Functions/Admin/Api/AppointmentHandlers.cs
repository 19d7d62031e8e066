using System.Globalization;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Reminders;

namespace Turnos.Functions.Admin.Api;

/// <summary><c>/api/admin/businesses/{businessId}/appointments</c>: the same booking rules and slot locks as the chat.</summary>
internal static class AppointmentHandlers
{
    private const int DefaultDays = 7;
    private const int MaxDays = 366;

    internal static async Task<IResult> ListAsync(string businessId, string? from, string? to, string? professionalId, string? status,
        CatalogStore catalog, AppointmentStore store, TimeProvider time, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        var zone = s.Business.TimeZone;
        var errors = new List<FieldError>();
        var today = LocalTime.Today(time.GetUtcNow(), zone);
        var first = Date(from, "from", errors) ?? today;
        var last = Date(to, "to", errors) ?? (from is null ? today.AddDays(DefaultDays) : first.AddDays(DefaultDays));
        if (status is not null && !AppointmentViews.Statuses.Contains(status))
            errors.Add(new("status", $"'{status}' is not one of {string.Join(", ", AppointmentViews.Statuses)}"));
        if (errors.Count == 0 && last < first) errors.Add(new("to", "must not be before 'from'"));
        if (errors.Count == 0 && last.DayNumber - first.DayNumber >= MaxDays) errors.Add(new("to", $"the range may span at most {MaxDays} days"));
        if (errors.Count > 0) return ApiProblems.Validation(errors);

        var list = await store.ListAsync(businessId, LocalTime.ToUtc(first.ToDateTime(TimeOnly.MinValue), zone),
            LocalTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), ct);
        return Results.Ok(list
            .Where(a => professionalId is null || a.Visit.Any(s => s.ProfessionalId == professionalId))
            .Where(a => status is null || AppointmentViews.HasStatus(a, status))
            .OrderBy(a => a.StartUtc).ThenBy(a => a.ProfessionalId, StringComparer.Ordinal)
            .Select(a => AppointmentViews.Of(a, s)));
    }

    /// <summary>One appointment with its reminders.</summary>
    internal static async Task<IResult> GetAsync(string businessId, string appointmentId, CatalogStore catalog, AppointmentStore store,
        ReminderLog reminders, TimeProvider time, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        if (await FindAsync(store, businessId, appointmentId, ct) is not { } a) return ApiProblems.NotFound("appointment", appointmentId, businessId);
        var records = await reminders.ListAsync(businessId, a.Id, ct);
        return Results.Ok(AppointmentViews.WithReminders(AppointmentViews.Of(a, s), a, s, records, time.GetUtcNow()));
    }

    /// <summary>Ids are 32 hex digits and codes 6 characters, so one parameter takes either.</summary>
    internal static async Task<Appointment?> FindAsync(AppointmentStore store, string businessId, string idOrCode, CancellationToken ct)
    {
        if (BookingCode.IsWellFormed(BookingCode.Normalize(idOrCode))) return await store.FindByCodeAsync(businessId, idOrCode, ct);
        return idOrCode.Length == 32 && idOrCode.All(char.IsAsciiHexDigitLower) ? (await store.GetAsync(businessId, idOrCode, ct))?.Appointment : null;
    }

    private static DateOnly? Date(string? text, string field, List<FieldError> errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(new(field, $"'{text}' is not a date like 2026-11-24"));
        return null;
    }
}
