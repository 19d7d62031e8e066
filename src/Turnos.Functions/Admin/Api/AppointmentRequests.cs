using System.Globalization;
using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;

namespace Turnos.Functions.Admin.Api;

public sealed class CustomerRequest
{
    public string? Name { get; set; }

    /// <summary>E.164, e.g. +5491155550000.</summary>
    public string? Phone { get; set; }

    public string? Email { get; set; }
}

public sealed class NewAppointmentRequest
{
    public string? ServiceId { get; set; }

    /// <summary>Several services in one visit, in order, back to back (instead of <see cref="ServiceId"/>, or starting with
    /// it): one professional for the whole visit when one is free, else split across professionals.</summary>
    public List<string?>? ServiceIds { get; set; }

    /// <summary>Omitted: any professional who offers the service (the least booked that day first).</summary>
    public string? ProfessionalId { get; set; }

    /// <summary>The business's local wall time, <c>2026-11-24T10:00</c> (an offset or Z makes it absolute).</summary>
    public string? Start { get; set; }

    public CustomerRequest? Customer { get; set; }

    /// <summary>Repeating a request with the same key returns the appointment it booked instead of a second one.</summary>
    public string? IdempotencyKey { get; set; }
}

public sealed class RescheduleRequest
{
    public string? Start { get; set; }

    /// <summary>Omitted: the same professional.</summary>
    public string? ProfessionalId { get; set; }
}

internal static class AppointmentInput
{
    public const int MaxNameLength = 100;
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>The services of a visit, trimmed; null when not given, with errors for an empty list, blank or repeated
    /// ids, too many, or a <c>serviceId</c> that is not the first of them.</summary>
    public static List<string>? Services(List<string?>? ids, string? serviceId, List<FieldError> errors)
    {
        if (ids is null) return null;
        var before = errors.Count;
        var trimmed = ids.Select(id => id?.Trim() ?? "").ToList();
        if (trimmed.Count == 0) errors.Add(new("serviceIds", "must name at least one service"));
        else if (trimmed.Count > Booking.BookingService.MaxVisitServices) errors.Add(new("serviceIds", $"must name at most {Booking.BookingService.MaxVisitServices} services"));
        for (var i = 0; i < trimmed.Count; i++)
            if (trimmed[i].Length == 0) errors.Add(new($"serviceIds[{i}]", "is required"));
        if (trimmed.Where(id => id.Length > 0).GroupBy(id => id).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            errors.Add(new("serviceIds", $"names '{repeated.Key}' twice"));
        if (!string.IsNullOrEmpty(serviceId) && trimmed.Count > 0 && trimmed[0] != serviceId)
            errors.Add(new("serviceId", "must be the first of serviceIds when both are given"));
        return errors.Count > before ? null : trimmed;
    }

    /// <summary>A local wall time of the business (or an absolute time with offset) as UTC; null with an error when malformed.</summary>
    public static DateTimeOffset? Start(string? text, string field, TimeZoneInfo zone, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(new(field, "is required, e.g. 2026-11-24T10:00 (the business's local time)")); return null; }
        if (LocalTime.TryParseInstant(text, zone, out var utc)) return utc;
        errors.Add(new(field, $"'{text}' is not a date-time like 2026-11-24T10:00"));
        return null;
    }

    public static CustomerInfo? Customer(CustomerRequest? c, List<FieldError> errors)
    {
        if (c is null) { errors.Add(new("customer", "is required: { name, phone, email? }")); return null; }
        var name = c.Name?.Trim();
        var phone = c.Phone?.Trim();
        var email = string.IsNullOrWhiteSpace(c.Email) ? null : c.Email.Trim();
        var before = errors.Count;
        if (string.IsNullOrEmpty(name)) errors.Add(new("customer.name", "is required"));
        else if (name.Length > MaxNameLength) errors.Add(new("customer.name", $"must be at most {MaxNameLength} characters"));
        if (string.IsNullOrEmpty(phone)) errors.Add(new("customer.phone", "is required (E.164, e.g. +5491155550000)"));
        else if (!CatalogValidator.PhonePattern().IsMatch(phone)) errors.Add(new("customer.phone", "is not an E.164 number like +5491155550000"));
        if (email is not null && (email.Length > 254 || !CatalogValidator.EmailPattern().IsMatch(email)))
            errors.Add(new("customer.email", "is not an email address"));
        return errors.Count > before ? null : new CustomerInfo(name!, phone!, email);
    }
}
