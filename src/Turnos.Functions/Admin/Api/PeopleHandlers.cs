using Turnos.Core.Booking;
using Turnos.Core.Businesses;
using Turnos.Core.Businesses.Documents;
using Turnos.Functions.Booking;
using Turnos.Functions.Businesses;
using Turnos.Functions.Conversations;
using Turnos.Functions.WhatsApp;

namespace Turnos.Functions.Admin.Api;

/// <param name="Appointments">Their appointments with the business, latest start first (the last 200 booked).</param>
public sealed record CustomerProfileView(string Phone, string? Name, string? Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<AppointmentView> Appointments);

/// <param name="Mode">What the conversation is about: none, booking, cancelling or rescheduling.</param>
/// <param name="Language">The language the customer writes in (es, en), so the person who takes over answers in it; null until known.</param>
/// <param name="PhotosForPerson">Photos the customer sent that nobody has looked at (no language model read them).</param>
/// <param name="Photos">Those photos, to look at: the latest 20 since the conversation was last attended.</param>
public sealed record ConversationView(string Phone, string? Name, string? Email, DateTimeOffset? LastActivityAt, string Mode, bool HandoffRequested,
    string? Language, int PhotosForPerson, IReadOnlyList<PhotoView> Photos);

/// <param name="Link">A chat message's photo is a public link, shown as it is; null for a WhatsApp photo, read through
/// <c>GET …/conversations/{phone}/photos/{id}</c> (Twilio keeps it behind the account's credentials).</param>
public sealed record PhotoView(string Id, string ContentType, DateTimeOffset ReceivedAt, string? Link);

/// <summary>Customers by phone and conversations waiting for a person.</summary>
internal static class PeopleHandlers
{

    internal static async Task<IResult> CustomerAsync(string businessId, string phone, CatalogStore catalog, CustomerStore customers,
        AppointmentStore appointments, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is not { } s) return ApiProblems.BusinessNotFound(businessId);
        var number = phone.Trim();
        if (!number.StartsWith('+')) number = "+" + number;
        if (!CatalogValidator.PhonePattern().IsMatch(number)) return ApiProblems.Field("phone", "is not an E.164 number like +5491155550000");
        if (await customers.GetAsync(businessId, number, ct) is not { } customer)
            return Results.Problem(title: "Customer not found", detail: $"Business '{businessId}' has no customer with that phone.",
                statusCode: StatusCodes.Status404NotFound);

        var history = new List<Appointment>();
        foreach (var chunk in customer.AppointmentIds.Chunk(10))
        {
            var found = await Task.WhenAll(chunk.Select(id => appointments.GetAsync(businessId, id, ct)));
            history.AddRange(found.Where(f => f is not null).Select(f => f!.Value.Appointment));
        }
        return Results.Ok(new CustomerProfileView(customer.Phone, customer.Name, customer.Email, customer.CreatedUtc, customer.UpdatedUtc,
            [.. history.OrderByDescending(a => a.StartUtc).Select(a => AppointmentViews.Of(a, s))]));
    }

    internal static async Task<IResult> ConversationsAsync(string businessId, string? handoff, CatalogStore catalog,
        ConversationStore conversations, CancellationToken ct)
    {
        if (handoff is not null && !handoff.Equals("true", StringComparison.OrdinalIgnoreCase))
            return ApiProblems.Field("handoff", "only handoff=true is supported: the conversations waiting for a person");
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return ApiProblems.BusinessNotFound(businessId);
        var list = await conversations.ListHandoffsAsync(businessId, ct);
        return Results.Ok(list.OrderByDescending(c => c.State.LastActivityUtc).Select(c => new ConversationView(
            c.State.CustomerPhone, c.State.CustomerName, c.State.CustomerEmail, c.State.LastActivityUtc, c.State.Mode.ToString().ToLowerInvariant(),
            c.State.HandoffRequested, c.State.Language?.Code(), c.State.PhotosForPerson,
            [.. c.Photos.Select(p => new PhotoView(p.Id, p.ContentType, p.ReceivedUtc, p.FromTwilio ? null : p.Url))])));
    }

    internal static async Task<IResult> AttendAsync(string businessId, string phone, CatalogStore catalog, ConversationStore conversations,
        DateTimeOffset nowUtc, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return ApiProblems.BusinessNotFound(businessId);
        return await conversations.MarkAttendedAsync(businessId, phone, nowUtc, ct)
            ? Results.NoContent()
            : Results.Problem(title: "Conversation not found", detail: "This business has no conversation with that customer.",
                statusCode: StatusCodes.Status404NotFound);
    }

    /// <summary>A WhatsApp photo kept for a person, read from Twilio with the account's credentials; a chat photo is a
    /// redirect to its link.</summary>
    internal static async Task<IResult> PhotoAsync(string businessId, string phone, string photoId, CatalogStore catalog, ConversationPhotos photos,
        TwilioMedia media, CancellationToken ct)
    {
        if (await catalog.GetSnapshotAsync(businessId, ct) is null) return ApiProblems.BusinessNotFound(businessId);
        if (await photos.FindAsync(businessId, ConversationStore.CustomerKey(phone), photoId, ct) is not { } photo)
            return Results.Problem(title: "Photo not found", detail: "That conversation has no such photo waiting for a person.",
                statusCode: StatusCodes.Status404NotFound);
        if (!photo.FromTwilio) return Results.Redirect(photo.Url);
        return await media.GetAsync(photo.Url, ct) is { } content
            ? Results.Bytes(content.Data.ToArray(), content.ContentType)
            : Results.Problem(title: "Photo unavailable", detail: "Twilio did not give the photo (it may have been deleted); ask the customer for it.",
                statusCode: StatusCodes.Status502BadGateway);
    }
}
